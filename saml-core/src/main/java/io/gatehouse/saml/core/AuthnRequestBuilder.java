package io.gatehouse.saml.core;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Builds SP-initiated AuthnRequests (SAML core §3.4.1) for the HTTP-Redirect binding (SAML
 * bindings §3.4.4): DEFLATE, base64, URL-encode, optional RelayState, optional query-string
 * signature. Immutable and thread-safe; the with* methods return a copy.
 */
public final class AuthnRequestBuilder {

    /** Bindings §3.4.3: RelayState MUST NOT exceed 80 bytes. */
    public static final int MAX_RELAY_STATE_BYTES = 80;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String spEntityId;
    private final String acsUrl;
    private final String idpSsoUrl;
    private final Clock clock;
    private final String nameIdFormat;
    private final boolean forceAuthn;
    private final PrivateKey signingKey;
    private final String signatureAlgorithm;

    public AuthnRequestBuilder(String spEntityId, String acsUrl, String idpSsoUrl, Clock clock) {
        this(spEntityId, acsUrl, idpSsoUrl, clock, null, false, null, null);
    }

    private AuthnRequestBuilder(String spEntityId, String acsUrl, String idpSsoUrl, Clock clock, String nameIdFormat,
            boolean forceAuthn, PrivateKey signingKey, String signatureAlgorithm) {
        this.spEntityId = Objects.requireNonNull(spEntityId, "spEntityId");
        this.acsUrl = Objects.requireNonNull(acsUrl, "acsUrl");
        this.idpSsoUrl = Objects.requireNonNull(idpSsoUrl, "idpSsoUrl");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nameIdFormat = nameIdFormat;
        this.forceAuthn = forceAuthn;
        this.signingKey = signingKey;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** Asks the IdP for this NameID format (NameIDPolicy, SAML core §3.4.1.1). */
    public AuthnRequestBuilder withNameIdFormat(String format) {
        return new AuthnRequestBuilder(spEntityId, acsUrl, idpSsoUrl, clock, format, forceAuthn, signingKey,
                signatureAlgorithm);
    }

    /** Asks the IdP to re-authenticate the user even with a session (ForceAuthn). */
    public AuthnRequestBuilder withForceAuthn(boolean force) {
        return new AuthnRequestBuilder(spEntityId, acsUrl, idpSsoUrl, clock, nameIdFormat, force, signingKey,
                signatureAlgorithm);
    }

    /**
     * Signs the query string (bindings §3.4.4.1) with RSA-SHA256, -384 or -512, the algorithms
     * Entra verifies; XMLDSig's ECDSA value encoding would need re-encoding and no customer IdP asked.
     */
    public AuthnRequestBuilder withSigningKey(PrivateKey key, String algorithmUri) {
        if (!RedirectBinding.JCA_SIGNATURES.containsKey(algorithmUri) || SamlNames.RSA_SHA1.equals(algorithmUri)) {
            throw new IllegalArgumentException("unsupported SigAlg " + algorithmUri);
        }
        return new AuthnRequestBuilder(spEntityId, acsUrl, idpSsoUrl, clock, nameIdFormat, forceAuthn,
                Objects.requireNonNull(key, "key"), algorithmUri);
    }

    /** @param relayState opaque value the IdP returns with the Response, or null */
    public RedirectAuthnRequest build(String relayState) {
        if (relayState != null && relayState.getBytes(StandardCharsets.UTF_8).length > MAX_RELAY_STATE_BYTES) {
            throw new IllegalArgumentException("RelayState exceeds " + MAX_RELAY_STATE_BYTES + " bytes (bindings §3.4.3)");
        }
        String id = newId();
        String xml = xml(id);
        String query = RedirectBinding.query("SAMLRequest", xml, relayState, signingKey, signatureAlgorithm);
        String separator = idpSsoUrl.contains("?") ? "&" : "?";
        return new RedirectAuthnRequest(id, idpSsoUrl + separator + query, xml);
    }

    private String xml(String id) {
        StringBuilder b = new StringBuilder(512);
        b.append("<samlp:AuthnRequest xmlns:samlp=\"").append(SamlNames.PROTOCOL).append("\" xmlns:saml=\"")
                .append(SamlNames.ASSERTION).append("\" ID=\"").append(id).append("\" Version=\"2.0\" IssueInstant=\"")
                .append(clock.instant().truncatedTo(ChronoUnit.MILLIS)).append("\" Destination=\"")
                .append(XmlText.escape(idpSsoUrl)).append("\" AssertionConsumerServiceURL=\"")
                .append(XmlText.escape(acsUrl)).append("\" ProtocolBinding=\"").append(SamlNames.BINDING_POST).append('"');
        if (forceAuthn) {
            b.append(" ForceAuthn=\"true\"");
        }
        b.append("><saml:Issuer>").append(XmlText.escape(spEntityId)).append("</saml:Issuer>");
        if (nameIdFormat != null) {
            b.append("<samlp:NameIDPolicy Format=\"").append(XmlText.escape(nameIdFormat)).append("\" AllowCreate=\"true\"/>");
        }
        return b.append("</samlp:AuthnRequest>").toString();
    }

    /** 160 random bits, prefixed so the value is an xs:ID (SAML core §1.3.4). */
    static String newId() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return "_" + HexFormat.of().formatHex(bytes);
    }
}
