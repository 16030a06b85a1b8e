package io.gatehouse.access;

import io.gatehouse.tenancy.CompanyId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for setup links. Statements that start from a token look it up by its hash alone: the secret token is
 * what names the company (as a SCIM token does); every other statement is scoped by company id.
 */
@Repository
class SetupLinkRepository {

    record LinkRow(CompanyId company, UUID userId, String userName, Instant expiresAt, Instant usedAt) {}

    private final JdbcClient jdbc;

    SetupLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String tokenHash, CompanyId company, UUID userId, Instant now, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO setup_link (token_hash, company_id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)
                """)
                .params(tokenHash, company.value(), userId, Timestamp.from(now), Timestamp.from(expiresAt))
                .update();
    }

    /** Closes the user's open links: only the newest link works. */
    void closeOpenLinks(CompanyId company, UUID userId, Instant now) {
        jdbc.sql("UPDATE setup_link SET used_at = ? WHERE company_id = ? AND user_id = ? AND used_at IS NULL")
                .params(Timestamp.from(now), company.value(), userId)
                .update();
    }

    Optional<LinkRow> find(String tokenHash) {
        return jdbc.sql("""
                SELECT l.company_id, l.user_id, u.user_name, l.expires_at, l.used_at
                FROM setup_link l JOIN app_user u ON u.id = l.user_id AND u.company_id = l.company_id
                WHERE l.token_hash = ?
                """)
                .param(tokenHash)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** Uses the link if it is still open: true for exactly one of any number of concurrent callers. */
    boolean markUsed(String tokenHash, Instant now) {
        return jdbc.sql("UPDATE setup_link SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
                .params(Timestamp.from(now), tokenHash, Timestamp.from(now))
                .update() == 1;
    }

    void deleteForUser(CompanyId company, UUID userId) {
        jdbc.sql("DELETE FROM setup_link WHERE company_id = ? AND user_id = ?")
                .params(company.value(), userId)
                .update();
    }

    private static LinkRow map(ResultSet rs) throws SQLException {
        Timestamp used = rs.getTimestamp("used_at");
        return new LinkRow(new CompanyId(rs.getObject("company_id", UUID.class)), rs.getObject("user_id", UUID.class),
                rs.getString("user_name"), rs.getTimestamp("expires_at").toInstant(),
                used == null ? null : used.toInstant());
    }
}
