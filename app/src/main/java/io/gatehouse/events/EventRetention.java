package io.gatehouse.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Prunes published events older than {@code gatehouse.events.retention} (default 30 days), in batches of
 * {@value #BATCH} rows per statement and transaction, so that pruning a large backlog never holds long locks or
 * one huge transaction. Any node may run it; two nodes deleting at once only delete the same old rows.
 */
@Component
class EventRetention {

    static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(EventRetention.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    EventRetention(JdbcClient jdbc, Clock clock, EventsProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = properties.retention();
    }

    @Scheduled(initialDelayString = "PT3M", fixedDelayString = "${gatehouse.events.prune-interval:PT10M}")
    void scheduled() {
        try {
            prune();
        } catch (RuntimeException e) {
            log.warn("Pruning directory events failed; the next round retries: {}", e.toString());
        }
    }

    /**
     * Deletes every expired event, batch by batch; how many. Each batch is a range of ids from the oldest row (a
     * primary-key seek), so a round where nothing has expired reads one row instead of scanning the table; ids
     * grow with time, so the oldest rows are the expired ones.
     */
    long prune() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(retention));
        long total = 0;
        while (true) {
            Long oldest = jdbc.sql("SELECT id FROM directory_event WHERE occurred_at < ? AND feed_position IS NOT NULL"
                            + " AND id = (SELECT MIN(id) FROM directory_event)")
                    .param(cutoff).query(Long.class).optional().orElse(null);
            if (oldest == null) {
                return total;
            }
            total += jdbc.sql("DELETE FROM directory_event WHERE id >= ? AND id < ? AND occurred_at < ?"
                            + " AND feed_position IS NOT NULL")
                    .params(oldest, oldest + BATCH, cutoff)
                    .update();
        }
    }
}
