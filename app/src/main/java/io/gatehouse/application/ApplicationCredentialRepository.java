package io.gatehouse.application;

import io.gatehouse.credentials.TokenCodec;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of an application's client secrets and API keys ({@code product_application_credential}). Checking one is a
 * single indexed query on the public lookup id that also requires an enabled application, so a revoked secret or
 * key, or a disabled application, fails on every node with the next request.
 */
@Repository
class ApplicationCredentialRepository {

    enum Kind { CLIENT_SECRET, API_KEY }

    /** An active API key with what the principal needs of its application. */
    record KeyRow(UUID id, String secretHash, Instant lastUsedAt, ApplicationPrincipal principal) {}

    record SecretRow(UUID id, String secretHash, Instant lastUsedAt) {}

    private final JdbcClient jdbc;

    ApplicationCredentialRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, ApplicationId app, Kind kind, TokenCodec.Minted minted, String label, Instant now) {
        jdbc.sql("""
                INSERT INTO product_application_credential
                    (id, application_id, kind, lookup_id, secret_hash, display_prefix, label, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(id, app.value(), kind.name(), minted.lookupId(), minted.hash(), minted.displayPrefix(), label,
                        Timestamp.from(now))
                .update();
    }

    Optional<KeyRow> findActiveKey(String lookupId) {
        return jdbc.sql("""
                SELECT k.id AS key_id, k.secret_hash, k.last_used_at,
                       a.id, a.client_id, a.name, a.serves_all_companies
                FROM product_application_credential k JOIN product_application a ON a.id = k.application_id
                WHERE k.lookup_id = ? AND k.kind = 'API_KEY' AND k.revoked_at IS NULL AND a.enabled = TRUE
                """)
                .param(lookupId)
                .query((rs, n) -> new KeyRow(rs.getObject("key_id", UUID.class), rs.getString("secret_hash"),
                        instant(rs.getTimestamp("last_used_at")),
                        new ApplicationPrincipal(new ApplicationId(rs.getObject("id", UUID.class)),
                                rs.getString("client_id"), rs.getString("name"),
                                rs.getBoolean("serves_all_companies"))))
                .optional();
    }

    /** The active client secret with this lookup id, if it belongs to the enabled application {@code clientId}. */
    Optional<SecretRow> findActiveSecret(String clientId, String lookupId) {
        return jdbc.sql("""
                SELECT s.id, s.secret_hash, s.last_used_at
                FROM product_application_credential s JOIN product_application a ON a.id = s.application_id
                WHERE s.lookup_id = ? AND s.kind = 'CLIENT_SECRET' AND s.revoked_at IS NULL
                  AND a.client_id = ? AND a.enabled = TRUE
                """)
                .params(lookupId, clientId)
                .query((rs, n) -> new SecretRow(rs.getObject("id", UUID.class), rs.getString("secret_hash"),
                        instant(rs.getTimestamp("last_used_at"))))
                .optional();
    }

    /** Records use at most once a minute per secret or key, so a busy client does not write on every request. */
    void touch(UUID id, Instant now) {
        jdbc.sql("""
                UPDATE product_application_credential SET last_used_at = ?
                WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)
                """)
                .params(Timestamp.from(now), id, Timestamp.from(now.minusSeconds(60)))
                .update();
    }

    List<ApplicationCredential> list(ApplicationId app, Kind kind) {
        return jdbc.sql("""
                SELECT id, display_prefix, label, created_at, last_used_at, revoked_at
                FROM product_application_credential
                WHERE application_id = ? AND kind = ? ORDER BY created_at, id
                """)
                .params(app.value(), kind.name())
                .query((rs, n) -> new ApplicationCredential(rs.getObject("id", UUID.class),
                        rs.getString("display_prefix"), rs.getString("label"),
                        instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("last_used_at")),
                        instant(rs.getTimestamp("revoked_at"))))
                .list();
    }

    long countActive(ApplicationId app, Kind kind) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM product_application_credential
                WHERE application_id = ? AND kind = ? AND revoked_at IS NULL
                """)
                .params(app.value(), kind.name()).query(Long.class).single();
    }

    boolean revoke(ApplicationId app, Kind kind, UUID id, Instant now) {
        return jdbc.sql("""
                UPDATE product_application_credential SET revoked_at = ?
                WHERE id = ? AND application_id = ? AND kind = ? AND revoked_at IS NULL
                """)
                .params(Timestamp.from(now), id, app.value(), kind.name())
                .update() > 0;
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
