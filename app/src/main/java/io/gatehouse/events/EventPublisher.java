package io.gatehouse.events;

import io.gatehouse.tenancy.CompanyId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives committed outbox rows their feed position, one node at a time: the single writer of the feed
 * (docs/architecture.md, "Directory events"). Each round locks the one row of {@code directory_event_feed} with
 * {@code FOR UPDATE SKIP LOCKED} (a node that finds it locked skips the round: another node is publishing), reads
 * the unpublished rows that are committed by then, numbers them in id order after the last position, and commits.
 * A row whose transaction commits later is numbered by a later round, after everything published before it. So
 * positions are the order in which events became visible to readers, and a reader never sees a position below
 * one it has already seen appear later.
 */
@Component
public class EventPublisher {

    /** Told, in the publishing transaction, which companies got events and the first position of each. */
    public interface Listener {
        void published(Map<CompanyId, Long> firstPositionByCompany);
    }

    static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final ObjectProvider<Listener> listeners;
    private final boolean enabled;

    EventPublisher(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, ObjectProvider<Listener> listeners,
                   EventsProperties properties) {
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
        this.listeners = listeners;
        this.enabled = properties.on();
    }

    @Scheduled(initialDelay = 1_000, fixedDelayString = "${gatehouse.events.publish-interval:PT0.2S}")
    void scheduled() {
        if (!enabled) {
            return;
        }
        try {
            while (publish() == BATCH) {
                // a full batch: more are waiting
            }
        } catch (RuntimeException e) {
            log.warn("Publishing directory events failed; the next round retries: {}", e.toString());
        }
    }

    /** One round: how many events it published (0 also when another node holds the feed lock). */
    public int publish() {
        Integer count = tx.execute(status -> {
            Optional<Long> last = jdbc.sql("SELECT last_position FROM directory_event_feed WHERE id = 1"
                            + " FOR UPDATE SKIP LOCKED")
                    .query(Long.class).optional();
            if (last.isEmpty()) {
                return 0;
            }
            List<Object[]> rows = jdbc.sql("SELECT id, company_id FROM directory_event WHERE feed_position IS NULL"
                            + " ORDER BY id LIMIT " + BATCH)
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getObject(2, UUID.class)})
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            long position = last.get();
            List<Object[]> updates = new ArrayList<>(rows.size());
            Map<CompanyId, Long> firstByCompany = new LinkedHashMap<>();
            for (Object[] row : rows) {
                position++;
                updates.add(new Object[] {position, row[0]});
                firstByCompany.putIfAbsent(new CompanyId((UUID) row[1]), position);
            }
            template.batchUpdate("UPDATE directory_event SET feed_position = ? WHERE id = ?", updates);
            jdbc.sql("UPDATE directory_event_feed SET last_position = ? WHERE id = 1").param(position).update();
            listeners.orderedStream().forEach(l -> l.published(firstByCompany));
            return rows.size();
        });
        return count == null ? 0 : count;
    }
}
