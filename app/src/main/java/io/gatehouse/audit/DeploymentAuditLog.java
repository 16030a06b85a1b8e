package io.gatehouse.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit log of changes that belong to no single company: product applications (subject type
 * {@link #APPLICATION}, subject id the application id) and whatever else is deployment-wide. Written in the
 * caller's transaction, so a change and its entry commit together. A company's own {@link AuditLog} stays what its
 * administrators see; this one is the support team's (operator API and support console).
 */
@Component
public class DeploymentAuditLog {

    public static final String APPLICATION = "application";
    /** The subject id of an entry about no single subject (a sign-in, a refused creation, a deployment key). */
    public static final String NO_SUBJECT = "-";

    private final JdbcClient jdbc;
    private final Clock clock;

    DeploymentAuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String subjectType, String subjectId, String actor, String action, String detail) {
        record(subjectType, subjectId, actor, action, AuditLog.SUCCESS, detail);
    }

    public void record(String subjectType, String subjectId, String actor, String action, String outcome,
                       String detail) {
        jdbc.sql("""
                INSERT INTO deployment_audit_event (occurred_at, actor, action, subject_type, subject_id, outcome, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(Timestamp.from(clock.instant()), truncate(actor, 512), truncate(action, 64), subjectType,
                        subjectId == null ? NO_SUBJECT : truncate(subjectId, 64), outcome, truncate(detail, 1024))
                .update();
        AuditLog.markRecorded();
    }

    /** The newest entries about one subject, newest first. */
    public List<DeploymentAuditEvent> recent(String subjectType, String subjectId, int limit) {
        return jdbc.sql("""
                SELECT occurred_at, actor, action, subject_type, subject_id, detail, outcome FROM deployment_audit_event
                WHERE subject_type = ? AND subject_id = ? ORDER BY id DESC LIMIT ?
                """)
                .params(subjectType, subjectId, limit)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** The newest entries of the whole deployment, newest first. */
    public List<DeploymentAuditEvent> recent(int limit) {
        return jdbc.sql("""
                SELECT occurred_at, actor, action, subject_type, subject_id, detail, outcome FROM deployment_audit_event
                ORDER BY id DESC LIMIT ?
                """)
                .param(limit)
                .query((rs, n) -> map(rs))
                .list();
    }

    private static DeploymentAuditEvent map(ResultSet rs) throws SQLException {
        return new DeploymentAuditEvent(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
                rs.getString("detail"), rs.getString("outcome"));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
