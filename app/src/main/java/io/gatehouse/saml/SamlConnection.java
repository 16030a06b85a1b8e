package io.gatehouse.saml;

import io.gatehouse.tenancy.CompanyId;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * A company's stored IdP connection: what its metadata said, where it came from, and the options.
 *
 * @param certificates every signing certificate the metadata lists; a response signed by any of them verifies
 * @param metadataUrl where the metadata is fetched from and refreshed, or null when it was uploaded
 */
public record SamlConnection(
        CompanyId company,
        String idpEntityId,
        String ssoUrl,
        List<X509Certificate> certificates,
        String metadataXml,
        String metadataUrl,
        Instant metadataFetchedAt,
        String metadataRefreshError,
        ConnectionOptions options,
        Instant updatedAt) {

    public SamlConnection {
        certificates = List.copyOf(certificates);
    }
}
