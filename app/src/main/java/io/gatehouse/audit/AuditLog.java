package io.gatehouse.audit;

import io.gatehouse.tenancy.CompanyId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

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
    public static final String SUCCESS = "SUCCESS";
    public static final String REFUSED = "REFUSED";
    /** The detail of an admin action that changed nothing (already so), see adminaudit.AdminActionAudit. */
    public static final String NO_CHANGE = "Nothing changed: it was already so.";
    /** Request attribute: an entry was written while handling this request (see adminaudit.AdminActionAudit). */
    public static final String RECORDED = AuditLog.class.getName() + ".recorded";
    /** Request attribute: the target the request's route names, used when an entry names none itself. */
    public static final String TARGET = AuditLog.class.getName() + ".target";

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(CompanyId company, String actor, String action, String detail) {
        record(company, actor, action, null, SUCCESS, detail);
    }

    /** {@code target} null: the target of the request being handled, if any. */
    public void record(CompanyId company, String actor, String action, String target, String outcome,
                       String detail) {
        jdbc.sql("""
                INSERT INTO audit_event (company_id, occurred_at, actor, action, target, outcome, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(company.value(), Timestamp.from(clock.instant()), truncate(actor, 512), truncate(action, 64),
                        truncate(target != null ? target : requestTarget(), 512), outcome, truncate(detail, 1024))
                .update();
        markRecorded();
    }

    /** Marks the request being handled (if any) as audited. */
    static void markRecorded() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(RECORDED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    static String requestTarget() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? null : (String) request.getAttribute(TARGET, RequestAttributes.SCOPE_REQUEST);
    }

    /** The newest entries of one company, newest first. */
    public List<AuditEvent> recent(CompanyId company, int limit) {
        return jdbc.sql("""
                SELECT occurred_at, actor, action, detail, target, outcome FROM audit_event
                WHERE company_id = ? ORDER BY id DESC LIMIT ?
                """)
                .params(company.value(), limit)
                .query((rs, n) -> new AuditEvent(company, rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("detail"), rs.getString("target"),
                        rs.getString("outcome")))
                .list();
    }

    /** The company's newest entry with this action, if any. */
    public java.util.Optional<AuditEvent> latest(CompanyId company, String action) {
        return jdbc.sql("""
                SELECT occurred_at, actor, action, detail, target, outcome FROM audit_event
                WHERE company_id = ? AND action = ? ORDER BY id DESC LIMIT 1
                """)
                .params(company.value(), action)
                .query((rs, n) -> new AuditEvent(company, rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("detail"), rs.getString("target"),
                        rs.getString("outcome")))
                .optional();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
