package io.gatehouse.saml.core.support;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A SAML Response shaped like Entra ID's (default namespaces on Assertion, NotBefore =
 * IssueInstant - 5 min, NotOnOrAfter = + 60 min, tenantid/objectidentifier claims). Every field is
 * public and inserted as a raw XML fragment so a test can change exactly one thing, including
 * injecting markup. Null drops the attribute or element.
 */
public final class EntraResponse {

    public static final String TENANT = "7e1d5b3a-0f6c-4c59-9a55-2b8b8f3c1a11";
    public static final String IDP = "https://sts.windows.net/" + TENANT + "/";
    public static final String SP = "https://gatehouse.example/saml/acme";
    public static final String ACS = "https://gatehouse.example/saml/acme/acs";
    public static final String REQUEST_ID = "_gh_8d0c1f0e4b7a4e6f9a1b2c3d4e5f6a7b";
    public static final Instant NOW = Instant.parse("2025-03-10T09:15:00Z");
    public static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";

    public String responseId = "_5d1c8a3e-7f2b-4c1d-9e8f-0a1b2c3d4e5f";
    public String assertionId = "_a7c3e9f1-2b4d-4e6f-8a0b-1c2d3e4f5a6b";
    public Instant issueInstant = NOW;
    public String destination = ACS;
    public String inResponseTo = REQUEST_ID;
    public String responseIssuer = IDP;
    public String assertionIssuer = IDP;
    public String statusCode = SUCCESS;
    public String subStatusCode;
    public String statusMessage;
    public boolean includeAssertion = true;
    public String nameId = "alice@acme.example";
    public String nameIdFormat = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
    public String confirmationMethod = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
    public String recipient = ACS;
    public String confirmationInResponseTo = REQUEST_ID;
    public Instant confirmationNotOnOrAfter = NOW.plus(Duration.ofMinutes(60));
    public Instant notBefore = NOW.minus(Duration.ofMinutes(5));
    public Instant notOnOrAfter = NOW.plus(Duration.ofMinutes(60));
    public String audience = SP;
    public Map<String, List<String>> attributes = new LinkedHashMap<>(Map.of(
            "http://schemas.microsoft.com/identity/claims/tenantid", List.of(TENANT),
            "http://schemas.microsoft.com/identity/claims/objectidentifier", List.of("3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9")));
    public String sessionIndex = "_a7c3e9f1-2b4d-4e6f-8a0b-1c2d3e4f5a6b";
    /** Raw XML placed right after the assertion, e.g. a second assertion. */
    public String afterAssertion = "";

    public static EntraResponse valid() {
        return new EntraResponse();
    }

    /**
     * A valid response dated now (the server under test runs on the real clock) for the Gatehouse company
     * {@code companyId} at {@code base}: fresh IDs, its ACS as Destination and Recipient, its SP metadata URL as
     * Audience, answering {@code requestId} (null = IdP-initiated).
     */
    public static EntraResponse now(String base, String companyId, String requestId, String nameId) {
        EntraResponse r = new EntraResponse();
        Instant now = Instant.now();
        r.responseId = "_" + UUID.randomUUID();
        r.assertionId = "_" + UUID.randomUUID();
        r.sessionIndex = r.assertionId;
        r.issueInstant = now;
        r.notBefore = now.minus(Duration.ofMinutes(5));
        r.notOnOrAfter = now.plus(Duration.ofMinutes(60));
        r.confirmationNotOnOrAfter = now.plus(Duration.ofMinutes(5));
        r.destination = base + "/saml/" + companyId + "/acs";
        r.recipient = r.destination;
        r.audience = base + "/saml/" + companyId + "/metadata";
        r.inResponseTo = requestId;
        r.confirmationInResponseTo = requestId;
        r.nameId = nameId;
        return r;
    }

    public String xml() {
        StringBuilder b = new StringBuilder(4096);
        b.append("<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"")
                .append(attr("ID", responseId)).append(" Version=\"2.0\"").append(attr("IssueInstant", issueInstant))
                .append(attr("Destination", destination)).append(attr("InResponseTo", inResponseTo)).append('>');
        if (responseIssuer != null) {
            b.append("<Issuer xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\">").append(responseIssuer).append("</Issuer>");
        }
        b.append("<samlp:Status><samlp:StatusCode").append(attr("Value", statusCode)).append('>');
        if (subStatusCode != null) {
            b.append("<samlp:StatusCode").append(attr("Value", subStatusCode)).append("/>");
        }
        b.append("</samlp:StatusCode>");
        if (statusMessage != null) {
            b.append("<samlp:StatusMessage>").append(statusMessage).append("</samlp:StatusMessage>");
        }
        b.append("</samlp:Status>");
        if (includeAssertion) {
            assertion(b);
        }
        return b.append(afterAssertion).append("</samlp:Response>").toString();
    }

    private void assertion(StringBuilder b) {
        b.append("<Assertion xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\"").append(attr("ID", assertionId))
                .append(attr("IssueInstant", issueInstant)).append(" Version=\"2.0\">");
        if (assertionIssuer != null) {
            b.append("<Issuer>").append(assertionIssuer).append("</Issuer>");
        }
        b.append("<Subject><NameID").append(attr("Format", nameIdFormat)).append('>').append(nameId).append("</NameID>")
                .append("<SubjectConfirmation").append(attr("Method", confirmationMethod)).append('>')
                .append("<SubjectConfirmationData").append(attr("InResponseTo", confirmationInResponseTo))
                .append(attr("NotOnOrAfter", confirmationNotOnOrAfter)).append(attr("Recipient", recipient))
                .append("/></SubjectConfirmation></Subject>");
        b.append("<Conditions").append(attr("NotBefore", notBefore)).append(attr("NotOnOrAfter", notOnOrAfter)).append('>');
        if (audience != null) {
            b.append("<AudienceRestriction><Audience>").append(audience).append("</Audience></AudienceRestriction>");
        }
        b.append("</Conditions><AttributeStatement>");
        attributes.forEach((name, values) -> {
            b.append("<Attribute").append(attr("Name", name)).append('>');
            values.forEach(v -> b.append("<AttributeValue>").append(v).append("</AttributeValue>"));
            b.append("</Attribute>");
        });
        b.append("</AttributeStatement><AuthnStatement").append(attr("AuthnInstant", issueInstant.minusSeconds(30)))
                .append(attr("SessionIndex", sessionIndex)).append("><AuthnContext><AuthnContextClassRef>")
                .append("urn:oasis:names:tc:SAML:2.0:ac:classes:Password</AuthnContextClassRef></AuthnContext>")
                .append("</AuthnStatement></Assertion>");
    }

    private static String attr(String name, Object value) {
        return value == null ? "" : " " + name + "=\"" + value + "\"";
    }
}
