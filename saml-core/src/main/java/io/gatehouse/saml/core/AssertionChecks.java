package io.gatehouse.saml.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.w3c.dom.Element;

/**
 * The SAML-layer checks of validation step 6, run only on elements covered by a verified
 * signature. Follows SAML core §2.5 (Conditions), §3.2.2 (Response), profiles §4.1.4.2-3 (Web
 * SSO bearer rules) and bindings §3.5.5.2 (Destination).
 */
final class AssertionChecks {

    private final SamlValidationConfig config;
    private final Instant now;
    private final Duration skew;

    AssertionChecks(SamlValidationConfig config, Instant now) {
        this.config = config;
        this.now = now;
        this.skew = config.clockSkew();
    }

    /** What the checks established, for the result and the replay cache. */
    record Verdict(Instant expiresAt, String inResponseTo) {
    }

    Verdict check(Element response, Element assertion, boolean responseSigned) throws Rejection {
        requireVersionAndId(response, "Response");
        requireVersionAndId(assertion, "Assertion");
        SamlTime.parseOptional(require(assertion, "IssueInstant", "Assertion"), "Assertion IssueInstant");
        checkIssuer(response, assertion);
        checkDestination(response, responseSigned);
        Instant conditionsEnd = checkConditions(assertion);
        Element confirmationData = checkBearer(assertion);
        String inResponseTo = checkInResponseTo(Dom.attr(response, "InResponseTo"),
                Dom.attr(confirmationData, "InResponseTo"), responseSigned);
        checkAuthnStatement(assertion);
        Instant scdEnd = SamlTime.parseOptional(Dom.attr(confirmationData, "NotOnOrAfter"), "NotOnOrAfter");
        Instant end = conditionsEnd.isBefore(scdEnd) ? conditionsEnd : scdEnd;
        return new Verdict(end.plus(skew), inResponseTo);
    }

    private static void requireVersionAndId(Element e, String what) throws Rejection {
        String version = Dom.attr(e, "Version");
        if (!"2.0".equals(version)) {
            throw Rejection.of(FailureCode.SCHEMA_VIOLATION, "2.0", version, what + " Version must be 2.0");
        }
        require(e, "ID", what);
    }

    private static String require(Element e, String attribute, String what) throws Rejection {
        String v = Dom.attr(e, attribute);
        if (v == null || v.isEmpty()) {
            throw Rejection.of(FailureCode.SCHEMA_VIOLATION, what + " " + attribute, "missing",
                    what + " has no " + attribute + " (SAML core §2.3.3, §3.2.2)");
        }
        return v;
    }

    /** Assertion Issuer is required; a Response Issuer is optional but must agree (profiles §4.1.4.2). */
    private void checkIssuer(Element response, Element assertion) throws Rejection {
        Element issuer = Dom.child(assertion, SamlNames.ASSERTION, "Issuer");
        if (issuer == null) {
            throw Rejection.of(FailureCode.ISSUER_MISMATCH, config.idpEntityId(), null, "the assertion has no Issuer");
        }
        requireIssuer(issuer, "assertion");
        Element responseIssuer = Dom.child(response, SamlNames.ASSERTION, "Issuer");
        if (responseIssuer != null) {
            requireIssuer(responseIssuer, "Response");
        }
    }

    private void requireIssuer(Element issuer, String where) throws Rejection {
        String value = Dom.text(issuer);
        if (!config.idpEntityId().equals(value)) {
            throw Rejection.of(FailureCode.ISSUER_MISMATCH, config.idpEntityId(), value,
                    "the " + where + " was issued by another IdP than the one configured");
        }
        String format = Dom.attr(issuer, "Format");
        if (format != null && !SamlNames.NAMEID_ENTITY.equals(format)) {
            throw Rejection.of(FailureCode.ISSUER_MISMATCH, SamlNames.NAMEID_ENTITY, format,
                    "the " + where + " Issuer Format must be the entity format");
        }
    }

    /** Destination must be our ACS when present, and is mandatory on a signed Response. */
    private void checkDestination(Element response, boolean responseSigned) throws Rejection {
        String destination = Dom.attr(response, "Destination");
        if (destination == null && !responseSigned) {
            return;
        }
        if (!config.acsUrl().equals(destination)) {
            throw Rejection.of(FailureCode.DESTINATION_MISMATCH, config.acsUrl(), destination,
                    "the Response was addressed to another reply URL than this connection's ACS URL");
        }
    }

    /** Audience and time window; returns Conditions' NotOnOrAfter. */
    private Instant checkConditions(Element assertion) throws Rejection {
        Element conditions = Dom.child(assertion, SamlNames.ASSERTION, "Conditions");
        if (conditions == null) {
            throw Rejection.of(FailureCode.AUDIENCE_MISMATCH, config.spEntityId(), null,
                    "the assertion has no Conditions/AudienceRestriction (profiles §4.1.4.2)");
        }
        checkAudience(conditions);
        Instant notBefore = SamlTime.parseOptional(Dom.attr(conditions, "NotBefore"), "Conditions NotBefore");
        Instant notOnOrAfter = SamlTime.parseOptional(Dom.attr(conditions, "NotOnOrAfter"), "Conditions NotOnOrAfter");
        if (notOnOrAfter == null) {
            throw Rejection.of(FailureCode.MISSING_VALIDITY_WINDOW, "Conditions NotOnOrAfter", null,
                    "the assertion never expires; a bounded lifetime is required for replay protection");
        }
        checkWindow(notBefore, notOnOrAfter, "the assertion (Conditions)");
        return notOnOrAfter;
    }

    private void checkAudience(Element conditions) throws Rejection {
        List<Element> restrictions = new ArrayList<>();
        for (Element c : Dom.elementChildren(conditions)) {
            if (Dom.is(c, SamlNames.ASSERTION, "AudienceRestriction")) {
                restrictions.add(c);
            } else if (!Dom.is(c, SamlNames.ASSERTION, "OneTimeUse") && !Dom.is(c, SamlNames.ASSERTION, "ProxyRestriction")) {
                // SAML core §2.5.1.1: an unknown condition makes validity indeterminate.
                throw Rejection.of(FailureCode.SCHEMA_VIOLATION, "AudienceRestriction, OneTimeUse, ProxyRestriction",
                        c.getTagName(), "the assertion carries a condition this service does not understand");
            }
        }
        if (restrictions.isEmpty()) {
            throw Rejection.of(FailureCode.AUDIENCE_MISMATCH, config.spEntityId(), null,
                    "the assertion has no AudienceRestriction (profiles §4.1.4.2)");
        }
        // Core §2.5.1.4: every AudienceRestriction must be satisfied, by any one of its Audiences.
        for (Element restriction : restrictions) {
            List<String> audiences = new ArrayList<>();
            for (Element a : Dom.children(restriction, SamlNames.ASSERTION, "Audience")) {
                audiences.add(Dom.text(a));
            }
            if (!audiences.contains(config.spEntityId())) {
                throw Rejection.of(FailureCode.AUDIENCE_MISMATCH, config.spEntityId(), String.join(", ", audiences),
                        "the assertion was issued for another service provider (Entity ID / Identifier)");
            }
        }
    }

    private void checkWindow(Instant notBefore, Instant notOnOrAfter, String what) throws Rejection {
        if (notBefore != null && now.plus(skew).isBefore(notBefore)) {
            throw Rejection.of(FailureCode.NOT_YET_VALID, "not before " + notBefore, "now " + now,
                    what + " is not valid yet even with " + skew.toSeconds() + " s of clock skew; check server clocks");
        }
        if (notOnOrAfter != null && !now.minus(skew).isBefore(notOnOrAfter)) {
            throw Rejection.of(FailureCode.EXPIRED, "before " + notOnOrAfter, "now " + now,
                    what + " has expired (beyond " + skew.toSeconds() + " s of clock skew)");
        }
    }

    /**
     * Profiles §4.1.4.2: at least one bearer SubjectConfirmation whose data names our ACS as
     * Recipient and bounds delivery with NotOnOrAfter. Returns the SubjectConfirmationData used.
     */
    private Element checkBearer(Element assertion) throws Rejection {
        Element subject = Dom.child(assertion, SamlNames.ASSERTION, "Subject");
        List<Element> bearerData = new ArrayList<>();
        if (subject != null) {
            for (Element sc : Dom.children(subject, SamlNames.ASSERTION, "SubjectConfirmation")) {
                Element data = Dom.child(sc, SamlNames.ASSERTION, "SubjectConfirmationData");
                if (SamlNames.CM_BEARER.equals(Dom.attr(sc, "Method")) && data != null) {
                    bearerData.add(data);
                }
            }
        }
        if (bearerData.isEmpty()) {
            throw Rejection.of(FailureCode.NO_BEARER_CONFIRMATION, SamlNames.CM_BEARER, null,
                    "the assertion has no bearer SubjectConfirmation with SubjectConfirmationData");
        }
        Element data = bearerData.stream().filter(d -> config.acsUrl().equals(Dom.attr(d, "Recipient")))
                .findFirst().orElse(null);
        if (data == null) {
            throw Rejection.of(FailureCode.RECIPIENT_MISMATCH, config.acsUrl(), Dom.attr(bearerData.get(0), "Recipient"),
                    "the assertion was issued for another reply URL than this connection's ACS URL");
        }
        Instant notOnOrAfter = SamlTime.parseOptional(Dom.attr(data, "NotOnOrAfter"), "SubjectConfirmationData NotOnOrAfter");
        if (notOnOrAfter == null) {
            throw Rejection.of(FailureCode.MISSING_VALIDITY_WINDOW, "SubjectConfirmationData NotOnOrAfter", null,
                    "the bearer confirmation has no NotOnOrAfter (profiles §4.1.4.2)");
        }
        Instant notBefore = SamlTime.parseOptional(Dom.attr(data, "NotBefore"), "SubjectConfirmationData NotBefore");
        checkWindow(notBefore, notOnOrAfter, "the bearer confirmation");
        return data;
    }

    /**
     * SP-initiated: every InResponseTo present must equal the request this session sent
     * (profiles §4.1.4.3), and at least one must be covered by a verified signature: on an
     * unsigned Response it could have been added to an unsolicited assertion. Unsolicited: only
     * when the connection allows IdP-initiated sign-in, and a response that claims to answer a
     * request this session did not send is refused.
     */
    private String checkInResponseTo(String onResponse, String onConfirmation, boolean responseSigned)
            throws Rejection {
        String expected = config.expectedRequestId();
        for (String value : new String[] {onResponse, onConfirmation}) {
            if (value != null && !Objects.equals(expected, value)) {
                throw Rejection.of(FailureCode.IN_RESPONSE_TO_MISMATCH, expected, value, expected == null
                        ? "the response answers a request this browser session did not send"
                        : "the response answers another request than the one this sign-in started with");
            }
        }
        String authenticated = onConfirmation != null ? onConfirmation : responseSigned ? onResponse : null;
        if (authenticated == null && !config.allowIdpInitiated()) {
            throw Rejection.of(FailureCode.IDP_INITIATED_NOT_ALLOWED, expected, onResponse, onResponse == null
                    ? "unsolicited (IdP-initiated) response, but this connection only accepts sign-ins started here"
                    : "InResponseTo appears only on the unsigned Response, so the response counts as unsolicited");
        }
        return authenticated;
    }

    /**
     * An IdP session bound that has passed ends the sign-in. Profiles §4.1.4.2 asks for an
     * AuthnStatement, but Keycloak omits it and it proves nothing the signature does not, so its
     * absence is tolerated.
     */
    private void checkAuthnStatement(Element assertion) throws Rejection {
        for (Element s : Dom.children(assertion, SamlNames.ASSERTION, "AuthnStatement")) {
            Instant end = SamlTime.parseOptional(Dom.attr(s, "SessionNotOnOrAfter"), "SessionNotOnOrAfter");
            checkWindow(null, end, "the IdP session (SessionNotOnOrAfter)");
        }
    }
}
