package io.gatehouse.saml.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Strict validation of a single logout message from the IdP over HTTP-Redirect (SAML core §3.7, bindings §3.4.4),
 * in this order: the query's shape (each SAML parameter at most once), a signature present (unsigned logout
 * messages are refused, as unsigned responses are), an allow-listed SigAlg, the signature over the octets exactly
 * as received verified with the connection's certificates only, then bounded inflation, the hardened parser, the
 * expected root element, Issuer, Destination (= our SingleLogoutService), IssueInstant within the window and, for a
 * request, exactly one plain NameID. The whole message is covered by the one signature, so everything read from it
 * is verified. One-time use of the message ID is the caller's (a database shared by every node).
 */
public final class LogoutValidator {

    /** How old a logout message may be: a browser redirect takes seconds, not minutes. */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);
    static final int MAX_QUERY_CHARS = 64 * 1024;
    private static final Set<String> SAML_PARAMETERS = Set.of("SAMLRequest", "SAMLResponse", "RelayState", "SigAlg",
            "Signature");

    /** What one company's connection expects of its IdP's logout messages. */
    public record Config(String idpEntityId, List<X509Certificate> trustedCertificates, String sloUrl,
                         boolean allowSha1, Duration clockSkew) {
        public Config {
            Objects.requireNonNull(idpEntityId, "idpEntityId");
            Objects.requireNonNull(sloUrl, "sloUrl");
            trustedCertificates = List.copyOf(trustedCertificates);
            if (trustedCertificates.isEmpty()) {
                throw new IllegalArgumentException("at least one IdP signing certificate is required");
            }
        }
    }

    public enum Kind {
        REQUEST,
        RESPONSE
    }

    /**
     * A verified logout message.
     *
     * @param nameId for a request: whose sessions to end
     * @param statusCode for a response: the top-level StatusCode value
     * @param keepUntil until when the ID must be remembered to refuse a replay
     */
    public record Message(Kind kind, String id, String issuer, Instant issueInstant, String inResponseTo,
                          String nameId, String nameIdFormat, List<String> sessionIndexes, String statusCode,
                          String relayState, Instant keepUntil) {
        public boolean success() {
            return SamlNames.STATUS_SUCCESS.equals(statusCode);
        }
    }

    /** Either a verified message or the typed failure of the first check that refused it. */
    public record Result(Message message, SamlValidationResult.Failure failure) {
        public boolean valid() {
            return message != null;
        }
    }

    private final Config config;
    private final Clock clock;

    public LogoutValidator(Config config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @param rawQuery the query string exactly as it arrived (still URL-encoded), e.g. request.getQueryString() */
    public Result validate(String rawQuery) {
        try {
            return new Result(check(rawQuery), null);
        } catch (Rejection r) {
            return new Result(null, r.failure());
        }
    }

    private Message check(String rawQuery) throws Rejection {
        if (rawQuery == null || rawQuery.isEmpty()) {
            throw Rejection.of(FailureCode.SCHEMA_VIOLATION, "SAMLRequest or SAMLResponse", "nothing",
                    "no logout message in the query string");
        }
        if (rawQuery.length() > MAX_QUERY_CHARS) {
            throw Rejection.of(FailureCode.INPUT_TOO_LARGE, "at most " + MAX_QUERY_CHARS + " characters",
                    String.valueOf(rawQuery.length()), "the query string is too long");
        }
        Map<String, String> raw = parameters(rawQuery);
        boolean isRequest = raw.containsKey("SAMLRequest");
        if (isRequest == raw.containsKey("SAMLResponse")) {
            throw Rejection.of(FailureCode.SCHEMA_VIOLATION, "SAMLRequest or SAMLResponse", isRequest ? "both"
                    : "neither", "exactly one logout message is expected");
        }
        String parameter = isRequest ? "SAMLRequest" : "SAMLResponse";
        verifySignature(raw, parameter);
        byte[] xml = RedirectBinding.inflateBase64(decode(raw.get(parameter)), ResponseInput.MAX_XML_BYTES);
        Document doc;
        try {
            doc = SecureXml.parse(xml);
        } catch (SecureXml.ParseException e) {
            throw Rejection.of(e.doctype() ? FailureCode.DTD_FORBIDDEN : FailureCode.MALFORMED_XML, e.getMessage());
        }
        Element root = doc.getDocumentElement();
        String expected = isRequest ? "LogoutRequest" : "LogoutResponse";
        if (!Dom.is(root, SamlNames.PROTOCOL, expected) || !"2.0".equals(Dom.attr(root, "Version"))) {
            throw Rejection.of(FailureCode.SCHEMA_VIOLATION, "samlp:" + expected + " Version 2.0", root.getTagName(),
                    "the " + parameter + " parameter does not carry a SAML 2.0 " + expected);
        }
        String id = Dom.attr(root, "ID");
        if (id == null || id.isBlank() || id.length() > 256) {
            throw Rejection.of(FailureCode.SCHEMA_VIOLATION, "an ID of 1 to 256 characters", id, expected + " needs an ID");
        }
        String issuer = issuer(root);
        destination(root);
        Instant issued = window(root, isRequest);
        Instant keepUntil = issued.plus(MAX_AGE).plus(config.clockSkew());
        String relayState = raw.containsKey("RelayState") ? decode(raw.get("RelayState")) : null;
        if (!isRequest) {
            return new Message(Kind.RESPONSE, id, issuer, issued, Dom.attr(root, "InResponseTo"), null, null, List.of(),
                    statusCode(root), relayState, keepUntil);
        }
        List<Element> nameIds = Dom.children(root, SamlNames.ASSERTION, "NameID");
        if (nameIds.size() != 1) { // an EncryptedID or BaseID is not what we sent to the IdP, so not ours to match
            throw Rejection.of(FailureCode.SCHEMA_VIOLATION, "1 saml:NameID", String.valueOf(nameIds.size()),
                    "the LogoutRequest must name the person with one plain NameID");
        }
        String nameId = Dom.trimXmlWhitespace(Dom.text(nameIds.get(0)));
        List<String> sessions = new ArrayList<>();
        for (Element s : Dom.children(root, SamlNames.PROTOCOL, "SessionIndex")) {
            sessions.add(Dom.trimXmlWhitespace(Dom.text(s)));
        }
        return new Message(Kind.REQUEST, id, issuer, issued, null, nameId, Dom.attr(nameIds.get(0), "Format"),
                sessions, null, relayState, keepUntil);
    }

    /** Raw (still encoded) values by name; a SAML parameter twice is refused (which one would be signed?). */
    private static Map<String, String> parameters(String rawQuery) throws Rejection {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (!SAML_PARAMETERS.contains(name)) {
                continue;
            }
            if (out.putIfAbsent(name, eq < 0 ? "" : pair.substring(eq + 1)) != null) {
                throw Rejection.of(name.equals("Signature") ? FailureCode.DUPLICATE_SIGNATURE
                        : FailureCode.SCHEMA_VIOLATION, "one " + name, "several", name + " appears more than once");
            }
        }
        return out;
    }

    /** Bindings §3.4.4.1: over "SAMLRequest=…[&RelayState=…]&SigAlg=…", the values as they were encoded. */
    private void verifySignature(Map<String, String> raw, String parameter) throws Rejection {
        if (!raw.containsKey("Signature") || !raw.containsKey("SigAlg")) {
            throw Rejection.of(FailureCode.SIGNATURE_MISSING, "Signature and SigAlg", "missing",
                    "unsigned logout messages are refused");
        }
        String sigAlg = decode(raw.get("SigAlg"));
        boolean allowed = RedirectBinding.JCA_SIGNATURES.containsKey(sigAlg)
                && (config.allowSha1() || !SamlNames.RSA_SHA1.equals(sigAlg));
        if (!allowed) {
            throw Rejection.of(FailureCode.ALGORITHM_NOT_ALLOWED, "RSA with SHA-256, -384 or -512", sigAlg,
                    "the logout message's SigAlg is not allowed");
        }
        byte[] signature;
        try {
            signature = java.util.Base64.getMimeDecoder().decode(decode(raw.get("Signature")));
        } catch (IllegalArgumentException e) {
            throw Rejection.of(FailureCode.SIGNATURE_MALFORMED, "the Signature parameter is not base64");
        }
        StringBuilder octets = new StringBuilder(parameter).append('=').append(raw.get(parameter));
        if (raw.containsKey("RelayState")) {
            octets.append("&RelayState=").append(raw.get("RelayState"));
        }
        octets.append("&SigAlg=").append(raw.get("SigAlg"));
        for (X509Certificate trusted : config.trustedCertificates()) {
            if (RedirectBinding.verifies(octets.toString(), signature, trusted.getPublicKey(), sigAlg)) {
                return;
            }
        }
        throw Rejection.of(FailureCode.SIGNATURE_INVALID, "a signature by a configured IdP certificate", "none verifies",
                "the logout message's signature does not verify with the IdP certificates of this connection");
    }

    private String issuer(Element root) throws Rejection {
        Element issuer = Dom.child(root, SamlNames.ASSERTION, "Issuer");
        String value = issuer == null ? null : Dom.trimXmlWhitespace(Dom.text(issuer));
        if (!config.idpEntityId().equals(value)) {
            throw Rejection.of(FailureCode.ISSUER_MISMATCH, config.idpEntityId(), value,
                    "the logout message was issued by another entity than this connection's IdP");
        }
        return value;
    }

    /** Required for a signed Redirect message (bindings §3.4.5.2). */
    private void destination(Element root) throws Rejection {
        String destination = Dom.attr(root, "Destination");
        if (!config.sloUrl().equals(destination)) {
            throw Rejection.of(FailureCode.DESTINATION_MISMATCH, config.sloUrl(), destination,
                    "the logout message is addressed to another endpoint");
        }
    }

    private Instant window(Element root, boolean isRequest) throws Rejection {
        Instant issued = SamlTime.parseOptional(Dom.attr(root, "IssueInstant"), "IssueInstant");
        if (issued == null) {
            throw Rejection.of(FailureCode.MISSING_VALIDITY_WINDOW, "logout messages need an IssueInstant");
        }
        Instant now = clock.instant();
        if (issued.isAfter(now.plus(config.clockSkew()))) {
            throw Rejection.of(FailureCode.NOT_YET_VALID, "IssueInstant ≤ " + now.plus(config.clockSkew()),
                    issued.toString(), "the logout message is issued in the future");
        }
        if (issued.plus(MAX_AGE).plus(config.clockSkew()).isBefore(now)) {
            throw Rejection.of(FailureCode.EXPIRED, "IssueInstant after " + now.minus(MAX_AGE), issued.toString(),
                    "the logout message is too old");
        }
        Instant notOnOrAfter = isRequest ? SamlTime.parseOptional(Dom.attr(root, "NotOnOrAfter"), "NotOnOrAfter") : null;
        if (notOnOrAfter != null && !now.isBefore(notOnOrAfter.plus(config.clockSkew()))) {
            throw Rejection.of(FailureCode.EXPIRED, "before " + notOnOrAfter, now.toString(),
                    "the LogoutRequest's NotOnOrAfter has passed");
        }
        return issued;
    }

    private static String statusCode(Element root) throws Rejection {
        Element status = Dom.child(root, SamlNames.PROTOCOL, "Status");
        Element code = status == null ? null : Dom.child(status, SamlNames.PROTOCOL, "StatusCode");
        String value = code == null ? null : Dom.attr(code, "Value");
        if (value == null) {
            throw Rejection.of(FailureCode.SCHEMA_VIOLATION, "samlp:Status/StatusCode", "none",
                    "the LogoutResponse has no status");
        }
        return value;
    }

    private static String decode(String raw) throws Rejection {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Rejection.of(FailureCode.SCHEMA_VIOLATION, "a URL-encoded value", "malformed",
                    "a parameter of the logout message is not URL-encoded correctly");
        }
    }
}
