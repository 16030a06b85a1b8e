package io.gatehouse.saml.core;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one company's SAML connection expects of a Response. Immutable; validated on construction
 * so a bad connection fails when it is saved, not at the first sign-in.
 *
 * @param idpEntityId the IdP's entity ID, compared exactly with Issuer (e.g. Entra's
 *     {@code https://sts.windows.net/<tenant>/})
 * @param trustedCertificates the IdP signing certificates; several during a rollover. The only keys
 *     a signature is ever verified with
 * @param spEntityId our entity ID, the required Audience
 * @param acsUrl our Assertion Consumer Service URL, the required Destination and Recipient
 * @param expectedRequestId the AuthnRequest ID this browser session sent, or null when none
 * @param allowIdpInitiated accept unsolicited responses (no InResponseTo)
 * @param allowSha1 accept RSA-SHA1 / SHA-1 digests from an old IdP
 * @param clockSkew tolerance applied to every time bound
 * @param decryptionKeys the SP private keys an EncryptedAssertion may be encrypted to (several during an SP key
 *     rotation: current, next, previous), tried in order; empty when none
 */
public record SamlValidationConfig(
        String idpEntityId,
        List<X509Certificate> trustedCertificates,
        String spEntityId,
        String acsUrl,
        String expectedRequestId,
        boolean allowIdpInitiated,
        boolean allowSha1,
        Duration clockSkew,
        List<PrivateKey> decryptionKeys) {

    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(3);
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);

    public SamlValidationConfig {
        requireText(idpEntityId, "idpEntityId");
        requireText(spEntityId, "spEntityId");
        requireText(acsUrl, "acsUrl");
        trustedCertificates = List.copyOf(Objects.requireNonNull(trustedCertificates, "trustedCertificates"));
        if (trustedCertificates.isEmpty()) {
            throw new IllegalArgumentException("trustedCertificates: at least one IdP signing certificate is required");
        }
        Objects.requireNonNull(clockSkew, "clockSkew");
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("clockSkew must be between 0 and " + MAX_CLOCK_SKEW);
        }
        decryptionKeys = decryptionKeys == null ? List.of() : List.copyOf(decryptionKeys);
        if (expectedRequestId != null && expectedRequestId.isBlank()) {
            throw new IllegalArgumentException("expectedRequestId must be null or non-blank");
        }
    }

    /** The same connection, answering a different AuthnRequest (or none). */
    public SamlValidationConfig withExpectedRequestId(String requestId) {
        return new SamlValidationConfig(idpEntityId, trustedCertificates, spEntityId, acsUrl, requestId,
                allowIdpInitiated, allowSha1, clockSkew, decryptionKeys);
    }

    @Override
    public String toString() {
        // Never print the private key.
        return "SamlValidationConfig[idpEntityId=" + idpEntityId + ", spEntityId=" + spEntityId
                + ", acsUrl=" + acsUrl + ", certificates=" + trustedCertificates.size()
                + ", expectedRequestId=" + expectedRequestId + ", allowIdpInitiated=" + allowIdpInitiated
                + ", allowSha1=" + allowSha1 + ", clockSkew=" + clockSkew
                + ", decryptionKeys=" + decryptionKeys.size() + "]";
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    /** Fluent construction; defaults: SP-initiated only, SHA-1 refused, 3 minutes of skew. */
    public static final class Builder {
        private String idpEntityId;
        private List<X509Certificate> trustedCertificates = List.of();
        private String spEntityId;
        private String acsUrl;
        private String expectedRequestId;
        private boolean allowIdpInitiated;
        private boolean allowSha1;
        private Duration clockSkew = DEFAULT_CLOCK_SKEW;
        private List<PrivateKey> decryptionKeys = List.of();

        private Builder() {
        }

        public Builder idpEntityId(String v) {
            idpEntityId = v;
            return this;
        }

        public Builder trustedCertificates(List<X509Certificate> v) {
            trustedCertificates = v;
            return this;
        }

        public Builder trustedCertificate(X509Certificate v) {
            trustedCertificates = List.of(v);
            return this;
        }

        public Builder spEntityId(String v) {
            spEntityId = v;
            return this;
        }

        public Builder acsUrl(String v) {
            acsUrl = v;
            return this;
        }

        public Builder expectedRequestId(String v) {
            expectedRequestId = v;
            return this;
        }

        public Builder allowIdpInitiated(boolean v) {
            allowIdpInitiated = v;
            return this;
        }

        public Builder allowSha1(boolean v) {
            allowSha1 = v;
            return this;
        }

        public Builder clockSkew(Duration v) {
            clockSkew = v;
            return this;
        }

        public Builder decryptionKey(PrivateKey v) {
            decryptionKeys = v == null ? List.of() : List.of(v);
            return this;
        }

        public Builder decryptionKeys(List<PrivateKey> v) {
            decryptionKeys = v;
            return this;
        }

        public SamlValidationConfig build() {
            return new SamlValidationConfig(idpEntityId, trustedCertificates, spEntityId, acsUrl,
                    expectedRequestId, allowIdpInitiated, allowSha1, clockSkew, decryptionKeys);
        }
    }
}
