package io.gatehouse.audit;

import io.gatehouse.tenancy.CompanyId;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The provisioning log: every SCIM request, written in batches by a background thread so that a request
 * does not pay for a second commit. Entries reach the database within about 50 ms; a node killed hard can
 * lose at most that window of log lines (never directory data, which is committed in the request).
 */
@Component
public class ProvisioningLog {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningLog.class);
    private static final int BATCH = 500;
    private static final long IDLE_MILLIS = 20;
    /** How far back {@link #recentFailures} looks: the failures among the newest entries, read by the index. */
    private static final int FAILURE_SCAN = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final BlockingQueue<ProvisioningEvent> queue = new ArrayBlockingQueue<>(50_000);
    private final Thread writer;
    private volatile boolean running = true;

    ProvisioningLog(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
        this.writer = new Thread(this::drainLoop, "provisioning-log-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues an entry; if the writer is far behind, the request waits briefly rather than dropping it. */
    public void record(ProvisioningEvent event) {
        try {
            if (!queue.offer(event, 2, TimeUnit.SECONDS)) {
                log.warn("Provisioning log queue full; writing entry for company {} synchronously", event.company());
                write(List.of(event));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The newest entries of one company, newest first (pending entries are written first). */
    public List<ProvisioningEvent> recent(CompanyId company, int limit) {
        flush();
        return jdbc.sql("""
                SELECT occurred_at, method, path, status, resource_type, resource_id, outcome, scim_type, duration_ms,
                  user_agent
                FROM provisioning_event WHERE company_id = ? ORDER BY id DESC LIMIT ?
                """)
                .params(company.value(), limit)
                .query((rs, n) -> new ProvisioningEvent(company, rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("method"), rs.getString("path"), rs.getInt("status"),
                        rs.getString("resource_type"), rs.getString("resource_id"), rs.getString("outcome"),
                        rs.getString("scim_type"), rs.getDouble("duration_ms"), rs.getString("user_agent")))
                .list();
    }

    /** Requests of one company since a moment, how many failed (status 400 or above) and when the last came. */
    public record Summary(long requests, long failed, Instant lastRequestAt) {
        /** Failed requests as a percentage of all, 0 when there were none. */
        public double errorRatePercent() {
            return requests == 0 ? 0 : 100.0 * failed / requests;
        }
    }

    /** Counts over the company's entries since {@code since} (index on company and time; pending entries first). */
    public Summary summary(CompanyId company, Instant since) {
        flush();
        return jdbc.sql("""
                SELECT COUNT(*) AS requests, COALESCE(SUM(CASE WHEN status >= 400 THEN 1 ELSE 0 END), 0) AS failed,
                  MAX(occurred_at) AS last_at
                FROM provisioning_event WHERE company_id = ? AND occurred_at >= ?
                """)
                .params(company.value(), Timestamp.from(since))
                .query((rs, n) -> {
                    Timestamp last = rs.getTimestamp("last_at");
                    return new Summary(rs.getLong("requests"), rs.getLong("failed"),
                            last == null ? null : last.toInstant());
                })
                .single();
    }

    /** The newest failed requests of one company (status 400 or above), newest first. */
    public List<ProvisioningEvent> recentFailures(CompanyId company, int limit) {
        return recent(company, FAILURE_SCAN).stream().filter(e -> e.status() >= 400).limit(limit).toList();
    }

    /**
     * Writes everything queued so far. The writer thread only ever takes entries off the queue while
     * holding this object's lock, so when flush returns, every entry queued before the call is written.
     */
    public synchronized void flush() {
        List<ProvisioningEvent> batch = new ArrayList<>();
        while (queue.drainTo(batch, BATCH) > 0) {
            write(batch);
            batch.clear();
        }
    }

    private void drainLoop() {
        while (running) {
            try {
                flush();
                if (queue.isEmpty()) {
                    Thread.sleep(IDLE_MILLIS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("Could not write provisioning log entries", e);
            }
        }
    }

    private void write(List<ProvisioningEvent> batch) {
        template.batchUpdate("""
                INSERT INTO provisioning_event (company_id, occurred_at, method, path, status, resource_type,
                  resource_id, outcome, scim_type, duration_ms, user_agent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, batch, BATCH, (ps, e) -> {
                    ps.setObject(1, e.company().value());
                    ps.setTimestamp(2, Timestamp.from(e.occurredAt()));
                    ps.setString(3, truncate(e.method(), 10)); // any token is a method until the firewall refuses it
                    ps.setString(4, truncate(e.path(), 1024));
                    ps.setInt(5, e.status());
                    ps.setString(6, e.resourceType());
                    ps.setString(7, truncate(e.resourceId(), 64));
                    ps.setString(8, truncate(e.outcome(), 512));
                    ps.setString(9, truncate(e.scimType(), 32));
                    ps.setDouble(10, e.durationMs());
                    ps.setString(11, truncate(e.userAgent(), 256));
                });
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    @PreDestroy
    void stop() {
        running = false;
        writer.interrupt();
        try {
            writer.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Provisioning log entries not written at shutdown: {}", e.getMessage());
        }
    }

}
