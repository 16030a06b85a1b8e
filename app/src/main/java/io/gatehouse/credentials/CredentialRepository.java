package io.gatehouse.credentials;

import io.gatehouse.tenancy.Company;
import io.gatehouse.tenancy.CompanyId;
import io.gatehouse.tenancy.CompanyRepository;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CredentialRepository {

    private final JdbcClient jdbc;
    private final CompanyRepository companies;

    CredentialRepository(JdbcClient jdbc, CompanyRepository companies) {
        this.jdbc = jdbc;
        this.companies = companies;
    }

    void insert(UUID id, CompanyId company, TokenKind kind, TokenCodec.Minted minted, Instant now) {
        jdbc.sql("""
                INSERT INTO credential (id, company_id, kind, lookup_id, secret_hash, display_prefix, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(id, company == null ? null : company.value(), kind.name(), minted.lookupId(),
                        minted.hash(), minted.displayPrefix(), Timestamp.from(now))
                .update();
    }

    record ScimCredentialRow(UUID id, String secretHash, Instant lastUsedAt, Company company) {}

    /** One indexed query per SCIM request: the credential and its company, only if unrevoked. */
    Optional<ScimCredentialRow> findActiveScim(String lookupId) {
        return jdbc.sql("""
                SELECT cr.id AS credential_id, cr.secret_hash, cr.last_used_at,
                       c.id, c.name, c.plan_code, c.provisioning_enabled, c.created_at
                FROM credential cr JOIN company c ON c.id = cr.company_id
                WHERE cr.lookup_id = ? AND cr.kind = 'SCIM' AND cr.revoked_at IS NULL
                """)
                .param(lookupId)
                .query((rs, n) -> new ScimCredentialRow(
                        rs.getObject("credential_id", UUID.class),
                        rs.getString("secret_hash"),
                        instant(rs.getTimestamp("last_used_at")),
                        companies.map(rs)))
                .optional();
    }

    Optional<String> findActiveOperatorHash(String lookupId) {
        return jdbc.sql("""
                SELECT secret_hash FROM credential
                WHERE lookup_id = ? AND kind = 'OPERATOR' AND revoked_at IS NULL
                """)
                .param(lookupId)
                .query(String.class)
                .optional();
    }

    boolean anyOperatorCredential() {
        return jdbc.sql("SELECT COUNT(*) FROM credential WHERE kind = 'OPERATOR'").query(Long.class).single() > 0;
    }

    /** Records use at most once a minute per token, so a busy sync does not write on every request. */
    void touch(UUID id, Instant now) {
        jdbc.sql("UPDATE credential SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")
                .params(Timestamp.from(now), id, Timestamp.from(now.minusSeconds(60)))
                .update();
    }

    List<TokenInfo> list(CompanyId company, TokenKind kind) {
        return jdbc.sql("""
                SELECT id, display_prefix, created_at, last_used_at, revoked_at FROM credential
                WHERE company_id = ? AND kind = ? ORDER BY created_at, id
                """)
                .params(company.value(), kind.name())
                .query((rs, n) -> new TokenInfo(
                        rs.getObject("id", UUID.class),
                        rs.getString("display_prefix"),
                        instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("last_used_at")),
                        instant(rs.getTimestamp("revoked_at"))))
                .list();
    }

    boolean revoke(CompanyId company, UUID id, Instant now) {
        return jdbc.sql("""
                UPDATE credential SET revoked_at = ?
                WHERE id = ? AND company_id = ? AND revoked_at IS NULL
                """)
                .params(Timestamp.from(now), id, company.value())
                .update() > 0;
    }

    boolean exists(CompanyId company, UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM credential WHERE id = ? AND company_id = ?")
                .params(id, company.value()).query(Long.class).single() > 0;
    }

    boolean hasActive(CompanyId company, TokenKind kind) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM credential WHERE company_id = ? AND kind = ? AND revoked_at IS NULL
                """)
                .params(company.value(), kind.name()).query(Long.class).single() > 0;
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
