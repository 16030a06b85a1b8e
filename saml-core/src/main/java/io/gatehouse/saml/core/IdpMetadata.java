package io.gatehouse.saml.core;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * What an IdP's metadata says about signing in with it (SAML metadata §2.4.3).
 *
 * @param ssoUrl the SingleSignOnService to send AuthnRequests to: HTTP-Redirect if offered, else POST
 * @param ssoBinding the binding of ssoUrl
 * @param signed true when the metadata carried a signature that verified
 * @param warnings things an admin should see before saving; none blocks saving
 * @param sloUrl the HTTP-Redirect SingleLogoutService (single logout, SAML profiles §4.4), or null when none
 */
public record IdpMetadata(
        String entityId,
        String ssoUrl,
        String ssoBinding,
        List<Endpoint> singleSignOnServices,
        List<SigningCertificate> signingCertificates,
        boolean signed,
        List<Warning> warnings,
        String sloUrl) {

    public IdpMetadata {
        singleSignOnServices = List.copyOf(singleSignOnServices);
        signingCertificates = List.copyOf(signingCertificates);
        warnings = List.copyOf(warnings);
    }

    /** The certificates to configure as trusted for response signatures. */
    public List<X509Certificate> certificates() {
        return signingCertificates.stream().map(SigningCertificate::certificate).toList();
    }

    public boolean hasWarning(WarningCode code) {
        return warnings.stream().anyMatch(w -> w.code() == code);
    }

    public record Endpoint(String binding, String location) {
    }

    /** A signing certificate with what admins compare against the IdP console. */
    public record SigningCertificate(
            X509Certificate certificate, String subject, Instant notAfter, String sha1Fingerprint,
            String sha256Fingerprint) {
    }

    public record Warning(WarningCode code, String detail) {
    }

    public enum WarningCode {
        /** Entra's tenant-wide document, whose keys never sign an enterprise app's SAML responses. */
        TENANT_WIDE_METADATA,
        /** A signing certificate expires within 60 days: plan the rollover. */
        CERT_EXPIRES_SOON,
        /** A signing certificate has expired (signatures are still checked against it). */
        CERT_EXPIRED,
        /** The metadata signature uses SHA-1. */
        SHA1_SIGNATURE,
        /** The metadata verifies only with the certificate in its own KeyInfo, not a listed one. */
        SIGNED_BY_UNLISTED_CERTIFICATE
    }
}
