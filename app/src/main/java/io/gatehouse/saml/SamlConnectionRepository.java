package io.gatehouse.saml;

import io.gatehouse.tenancy.CompanyId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for saml_connection. Every statement is scoped by company id. */
@Repository
class SamlConnectionRepository {

    /** What a metadata document configures; the options stay as they are when it is replaced. */
    record IdpSide(String entityId, String ssoUrl, String certificatesPem, String metadataXml, String metadataUrl,
                   Instant fetchedAt) {}

    private static final String SELECT = """
            SELECT company_id, idp_entity_id, sso_url, signing_certificates, metadata_xml, metadata_url,
              metadata_fetched_at, metadata_refresh_error, sp_entity_id, allow_idp_initiated, allow_sha1,
              sign_authn_requests, link_by, claim_user_name, claim_external_id, claim_email, claim_given_name,
              claim_family_name, claim_display_name, jit_enabled, updated_at
            FROM saml_connection
            """;

    private final JdbcClient jdbc;

    SamlConnectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SamlConnection> find(CompanyId company) {
        return jdbc.sql(SELECT + " WHERE company_id = ?").param(company.value()).query((rs, n) -> map(rs)).optional();
    }

    /** Replaces the IdP side, keeping the options; returns false when the company has no connection yet. */
    boolean updateIdpSide(CompanyId company, IdpSide idp, Instant now) {
        return jdbc.sql("""
                UPDATE saml_connection SET idp_entity_id = ?, sso_url = ?, signing_certificates = ?, metadata_xml = ?,
                  metadata_url = ?, metadata_fetched_at = ?, metadata_checked_at = ?, metadata_refresh_error = NULL,
                  updated_at = ?
                WHERE company_id = ?
                """)
                .params(idp.entityId(), idp.ssoUrl(), idp.certificatesPem(), idp.metadataXml(), idp.metadataUrl(),
                        ts(idp.fetchedAt()), ts(idp.fetchedAt()), ts(now), company.value())
                .update() > 0;
    }

    /** A new connection with default options; a concurrent insert surfaces as DuplicateKeyException. */
    void insert(CompanyId company, IdpSide idp, Instant now) {
        jdbc.sql("""
                INSERT INTO saml_connection (company_id, idp_entity_id, sso_url, signing_certificates, metadata_xml,
                  metadata_url, metadata_fetched_at, metadata_checked_at, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(company.value(), idp.entityId(), idp.ssoUrl(), idp.certificatesPem(), idp.metadataXml(),
                        idp.metadataUrl(), ts(idp.fetchedAt()), ts(idp.fetchedAt()), ts(now), ts(now))
                .update();
    }

    void updateOptions(CompanyId company, ConnectionOptions o, Instant now) {
        ClaimMapping c = o.claims();
        jdbc.sql("""
                UPDATE saml_connection SET sp_entity_id = ?, allow_idp_initiated = ?, allow_sha1 = ?,
                  sign_authn_requests = ?, link_by = ?, jit_enabled = ?, claim_user_name = ?, claim_external_id = ?,
                  claim_email = ?, claim_given_name = ?, claim_family_name = ?, claim_display_name = ?, updated_at = ?
                WHERE company_id = ?
                """)
                .params(o.spEntityIdOverride(), o.allowIdpInitiated(), o.allowSha1(), o.signAuthnRequests(),
                        o.linkBy().name(), o.jitEnabled(), c.userName(), c.externalId(), c.email(), c.givenName(),
                        c.familyName(), c.displayName(), ts(now), company.value())
                .update();
    }

    /** Companies whose metadata comes from a URL and was last checked before {@code dueBefore}. */
    List<CompanyId> dueForRefresh(Instant dueBefore, int limit) {
        return jdbc.sql("""
                SELECT company_id FROM saml_connection
                WHERE metadata_url IS NOT NULL AND (metadata_checked_at IS NULL OR metadata_checked_at < ?)
                ORDER BY metadata_checked_at LIMIT ?
                """)
                .params(ts(dueBefore), limit)
                .query((rs, n) -> new CompanyId(rs.getObject(1, UUID.class)))
                .list();
    }

    /**
     * Claims a due refresh for this node: only one of several nodes running the job wins the conditional
     * update, so the IdP is fetched once per interval rather than once per node.
     */
    boolean claimRefresh(CompanyId company, Instant dueBefore, Instant now) {
        return jdbc.sql("""
                UPDATE saml_connection SET metadata_checked_at = ?
                WHERE company_id = ? AND metadata_url IS NOT NULL
                  AND (metadata_checked_at IS NULL OR metadata_checked_at < ?)
                """)
                .params(ts(now), company.value(), ts(dueBefore))
                .update() > 0;
    }

    void recordRefreshError(CompanyId company, String error, Instant now) {
        jdbc.sql("UPDATE saml_connection SET metadata_refresh_error = ?, metadata_checked_at = ? WHERE company_id = ?")
                .params(Text.bounded(error, 1024), ts(now), company.value())
                .update();
    }

    private static SamlConnection map(ResultSet rs) throws SQLException {
        ClaimMapping claims = new ClaimMapping(rs.getString("claim_user_name"), rs.getString("claim_external_id"),
                rs.getString("claim_email"), rs.getString("claim_given_name"), rs.getString("claim_family_name"),
                rs.getString("claim_display_name"));
        ConnectionOptions options = new ConnectionOptions(rs.getString("sp_entity_id"),
                rs.getBoolean("allow_idp_initiated"), rs.getBoolean("allow_sha1"), rs.getBoolean("sign_authn_requests"),
                LinkBy.valueOf(rs.getString("link_by")), rs.getBoolean("jit_enabled"), claims);
        return new SamlConnection(
                new CompanyId(rs.getObject("company_id", UUID.class)),
                rs.getString("idp_entity_id"),
                rs.getString("sso_url"),
                Pem.decodeAll(rs.getString("signing_certificates")),
                rs.getString("metadata_xml"),
                rs.getString("metadata_url"),
                instant(rs.getTimestamp("metadata_fetched_at")),
                rs.getString("metadata_refresh_error"),
                options,
                instant(rs.getTimestamp("updated_at")));
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
