package io.gatehouse.events;

import io.gatehouse.tenancy.CompanyId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads of the published feed, in feed position order. An event is only ever read after the transaction that
 * gave it its position committed, and every later publication has higher positions: a reader that continues
 * after the last position it saw misses nothing and sees nothing twice (docs/architecture.md, "Directory events").
 */
@Component
public class EventFeed {

    private static final String COLUMNS = "e.id, e.feed_position, e.company_id, e.type, e.occurred_at, e.payload";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EventFeed(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Up to {@code limit} events after {@code afterPosition} of the companies an application serves: all of them,
     * or those of its explicit list.
     */
    public List<PublishedEvent> servedBy(UUID applicationId, boolean servesAll, long afterPosition, int limit) {
        String served = servesAll ? "" : " AND EXISTS (SELECT 1 FROM product_application_company pc"
                + " WHERE pc.application_id = ? AND pc.company_id = e.company_id)";
        String sql = "SELECT " + COLUMNS + " FROM directory_event e WHERE e.feed_position > ?" + served
                + " ORDER BY e.feed_position LIMIT " + limit;
        JdbcClient.StatementSpec spec = jdbc.sql(sql).param(afterPosition);
        if (!servesAll) {
            spec = spec.param(applicationId);
        }
        return spec.query((rs, n) -> map(rs)).list();
    }

    /** Up to {@code limit} events of one company after {@code afterPosition} (a webhook stream). */
    public List<PublishedEvent> ofCompany(CompanyId company, long afterPosition, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM directory_event e WHERE e.company_id = ? AND e.feed_position > ?"
                        + " ORDER BY e.company_id, e.feed_position LIMIT " + limit)
                .params(company.value(), afterPosition)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** A published event of the company by its id (a webhook resend); empty once pruned. */
    public Optional<PublishedEvent> find(CompanyId company, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM directory_event e WHERE e.id = ? AND e.company_id = ?"
                        + " AND e.feed_position IS NOT NULL")
                .params(id, company.value()).query((rs, n) -> map(rs)).optional();
    }

    /** The event's {@code data} object. */
    public JsonNode data(PublishedEvent event) {
        return json.readTree(event.payload());
    }

    /** The event as the events API and webhooks send it: id, type, companyId, occurredAt, data. */
    public ObjectNode envelope(PublishedEvent event) {
        ObjectNode node = json.createObjectNode();
        node.put("id", event.publicId());
        node.put("type", event.type());
        node.put("companyId", event.company().toString());
        node.put("occurredAt", event.occurredAt().toString());
        node.set("data", data(event));
        return node;
    }

    public String envelopeJson(PublishedEvent event) {
        return json.writeValueAsString(envelope(event));
    }

    private static PublishedEvent map(ResultSet rs) throws SQLException {
        return new PublishedEvent(rs.getLong("id"), rs.getLong("feed_position"),
                new CompanyId(rs.getObject("company_id", UUID.class)), rs.getString("type"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("payload"));
    }
}
