package io.gatehouse.saml;

import io.gatehouse.saml.core.IdpMetadata;
import java.time.Instant;
import java.util.List;

/**
 * A saved connection as the operator API shows it: what was configured, what the admin should look at,
 * and our values to paste into Entra.
 */
public record ConnectionReport(
        SamlConnection connection,
        List<CertificateInfo> certificates,
        List<IdpMetadata.Warning> warnings,
        boolean metadataSigned,
        String spEntityId,
        String replyUrl,
        String spMetadataUrl,
        String loginUrl,
        String logoutUrl) {

    /** What an admin compares with the certificate list in Entra's SAML Certificates section. */
    public record CertificateInfo(String subject, Instant notAfter, String sha256, String sha1) {}
}
