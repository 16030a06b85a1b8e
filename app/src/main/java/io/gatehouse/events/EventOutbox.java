package io.gatehouse.events;

import io.gatehouse.tenancy.CompanyId;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The transactional outbox: {@link #record} inserts one event row in the caller's transaction (it refuses to run
 * outside one), so the event commits with the change or not at all. One INSERT, no read: this is on the SCIM hot
 * path. The row is unpublished (no feed position) until {@link EventPublisher} orders it.
 */
@Component
public class EventOutbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final boolean enabled;

    EventOutbox(JdbcClient jdbc, JsonMapper json, Clock clock, EventsProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.enabled = properties.on();
    }

    /** A new, empty {@code data} object for an event. */
    public ObjectNode data() {
        return json.createObjectNode();
    }

    /** Inserts the event; the caller's transaction must be active (an event outside one could outlive a rollback). */
    public void record(CompanyId company, EventType type, ObjectNode data) {
        if (!enabled) {
            return;
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("an event must be recorded in the transaction of its change");
        }
        jdbc.sql("INSERT INTO directory_event (company_id, type, occurred_at, payload) VALUES (?, ?, ?, ?)")
                .params(company.value(), type.wireName(), Timestamp.from(clock.instant()), json.writeValueAsString(data))
                .update();
    }
}
