package io.gatehouse.audit;

import io.gatehouse.tenancy.CompanyId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit log: who changed SSO settings, tokens, grants and permissions, and when. Written in the caller's
 * transaction (when there is one), so a change and its audit entry commit together.
 *
 * <p>Actions are short constants such as {@code SSO_METADATA_UPLOADED}, {@code SCIM_TOKEN_ISSUED},
 * {@code SCIM_TOKEN_REVOKED}, {@code PROVISIONING_SWITCHED}, {@code ROLE_GRANTED}, {@code ROLE_REVOKED},
 * {@code SPACE_GRANTED}, {@code SPACE_REVOKED}; the actor is a user's userName or {@code "support team"}.
 */
@Component
public class AuditLog {

    public static final String SUPPORT_TEAM = "support team";

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(CompanyId company, String actor, String action, String detail) {
        jdbc.sql("""
                INSERT INTO audit_event (company_id, occurred_at, actor, action, detail) VALUES (?, ?, ?, ?, ?)
                """)
                .params(company.value(), Timestamp.from(clock.instant()), truncate(actor, 512), truncate(action, 64),
                        truncate(detail, 1024))
                .update();
    }

    /** The newest entries of one company, newest first. */
    public List<AuditEvent> recent(CompanyId company, int limit) {
        return jdbc.sql("""
                SELECT occurred_at, actor, action, detail FROM audit_event
                WHERE company_id = ? ORDER BY id DESC LIMIT ?
                """)
                .params(company.value(), limit)
                .query((rs, n) -> new AuditEvent(company, rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("detail")))
                .list();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
