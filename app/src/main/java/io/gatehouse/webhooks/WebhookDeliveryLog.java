package io.gatehouse.webhooks;

import io.gatehouse.application.ApplicationConflictException;
import io.gatehouse.application.ApplicationId;
import io.gatehouse.application.ProductApplication;
import io.gatehouse.application.ProductApplications;
import io.gatehouse.application.UnknownApplicationException;
import io.gatehouse.audit.DeploymentAuditLog;
import io.gatehouse.events.EventFeed;
import io.gatehouse.tenancy.CompanyId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An endpoint's deliveries, one per event (its attempts summed up), and "Resend": a fresh attempt of one event to
 * that endpoint with the event's own webhook-id, made by the delivery worker outside the endpoint's stream
 * (webhook_resend). A delivery is found only through the endpoint it was attempted at, and that endpoint only
 * through its application, so no id of another application's endpoint or event reaches it.
 *
 * <p>Resend changes nothing but that one attempt: it enables no disabled endpoint (it is refused while the endpoint
 * or its application is disabled, with what to do instead), does not move the stream, and is refused for a company
 * the application no longer serves and for an event past the retention of the events (pruned).
 */
@Service
public class WebhookDeliveryLog {

    /** One event's delivery to one endpoint. {@code nextAttemptAt}: when the worker tries it next, if at all. */
    public record Delivery(String webhookId, long eventId, UUID companyId, String eventType, int attempts,
                           String outcome, Integer statusCode, String error, Instant lastAttemptAt,
                           Instant nextAttemptAt, boolean resendPending, boolean lastWasResend) {

        /** delivered, failed (no further attempt planned), retrying, or resend_pending. */
        public String state() {
            if (resendPending) {
                return "resend_pending";
            }
            if ("DELIVERED".equals(outcome)) {
                return "delivered";
            }
            return nextAttemptAt == null ? "failed" : "retrying";
        }
    }

    private final JdbcClient jdbc;
    private final WebhookEndpoints endpoints;
    private final ProductApplications applications;
    private final DeploymentAuditLog audit;
    private final Clock clock;
    private final EventFeed feed;

    WebhookDeliveryLog(JdbcClient jdbc, WebhookEndpoints endpoints, ProductApplications applications,
                       DeploymentAuditLog audit, Clock clock, EventFeed feed) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.endpoints = endpoints;
        this.applications = applications;
        this.audit = audit;
        this.clock = clock;
    }

    /** The endpoint's most recently attempted events, newest first, each with its last attempt. */
    public List<Delivery> recent(ApplicationId app, UUID endpointId, int limit) {
        WebhookEndpoint endpoint = endpoints.find(app, endpointId);
        List<Long> lastAttempts = jdbc.sql("SELECT MAX(id) FROM webhook_delivery WHERE endpoint_id = ?"
                        + " GROUP BY event_id ORDER BY MAX(id) DESC LIMIT " + limit)
                .param(endpointId).query(Long.class).list();
        return summaries(endpoint, lastAttempts);
    }

    /** The deliveries whose last attempts are {@code lastAttempts}, in that order. */
    private List<Delivery> summaries(WebhookEndpoint endpoint, List<Long> lastAttempts) {
        if (lastAttempts.isEmpty()) {
            return List.of();
        }
        String in = lastAttempts.stream().map(String::valueOf).collect(Collectors.joining(","));
        Map<Long, Delivery> byId = jdbc.sql("""
                SELECT d.id, d.event_id, d.company_id, d.outcome, d.status_code, d.error, d.attempted_at, d.resent,
                  ev.type, ev.feed_position, s.delivered_position, s.next_attempt_at AS stream_next,
                  r.next_attempt_at AS resend_next,
                  (SELECT COUNT(*) FROM webhook_delivery c WHERE c.endpoint_id = d.endpoint_id
                    AND c.event_id = d.event_id) AS attempts
                FROM webhook_delivery d
                LEFT JOIN directory_event ev ON ev.id = d.event_id
                LEFT JOIN webhook_stream s ON s.endpoint_id = d.endpoint_id AND s.company_id = d.company_id
                LEFT JOIN webhook_resend r ON r.endpoint_id = d.endpoint_id AND r.event_id = d.event_id
                WHERE d.id IN (%s)
                """.formatted(in))
                .query((rs, n) -> {
                    Timestamp resendNext = rs.getTimestamp("resend_next");
                    Timestamp streamNext = rs.getTimestamp("stream_next");
                    long position = rs.getLong("feed_position");
                    boolean eventKnown = !rs.wasNull();
                    long delivered = rs.getLong("delivered_position");
                    boolean streamOpen = !rs.wasNull();
                    String outcome = rs.getString("outcome");
                    // a failed event the stream has not moved past is retried by the stream, while the endpoint is on
                    boolean streamRetries = "FAILED".equals(outcome) && eventKnown
                            && streamOpen && position > delivered && endpoint.enabled() && streamNext != null;
                    Instant next = resendNext != null ? resendNext.toInstant()
                            : streamRetries ? streamNext.toInstant() : null;
                    long eventId = rs.getLong("event_id");
                    return Map.entry(rs.getLong("id"), new Delivery("evt_" + eventId, eventId,
                            rs.getObject("company_id", UUID.class), rs.getString("type"), rs.getInt("attempts"),
                            outcome, (Integer) rs.getObject("status_code"), rs.getString("error"),
                            rs.getTimestamp("attempted_at").toInstant(), next, resendNext != null,
                            rs.getBoolean("resent")));
                })
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<Delivery> out = new ArrayList<>();
        lastAttempts.forEach(id -> Optional.ofNullable(byId.get(id)).ifPresent(out::add));
        return out;
    }

    /** One delivery of the endpoint's log, by its webhook-id ({@code evt_…}). */
    public Delivery find(ApplicationId app, UUID endpointId, String webhookId) {
        long eventId = eventId(webhookId);
        WebhookEndpoint endpoint = endpoints.find(app, endpointId);
        Long last = jdbc.sql("SELECT MAX(id) FROM webhook_delivery WHERE endpoint_id = ? AND event_id = ?")
                .params(endpointId, eventId).query(Long.class).optional().orElse(null);
        if (last == null) {
            throw new UnknownApplicationException("Delivery " + webhookId + " of this endpoint");
        }
        return summaries(endpoint, List.of(last)).get(0);
    }

    /**
     * Schedules one fresh attempt of the event to the endpoint, due now; a resend already pending is left as it is
     * (no second one). Refused (409) while the endpoint or the application is disabled, when the application no
     * longer serves the event's company, or when the event has been pruned.
     */
    @Transactional
    public Delivery resend(ApplicationId app, UUID endpointId, String webhookId, String actor) {
        long eventId = eventId(webhookId);
        WebhookEndpoint endpoint = endpoints.find(app, endpointId);
        UUID company = jdbc.sql("SELECT company_id FROM webhook_delivery WHERE endpoint_id = ? AND event_id = ?"
                        + " ORDER BY id LIMIT 1")
                .params(endpointId, eventId).query(UUID.class).optional()
                .orElseThrow(() -> new UnknownApplicationException("Delivery " + webhookId + " of this endpoint"));
        ProductApplication application = applications.find(app)
                .orElseThrow(() -> new UnknownApplicationException("Application " + app));
        if (!endpoint.enabled()) {
            throw new ApplicationConflictException("The webhook endpoint is disabled"
                    + (endpoint.disabledReason() == null ? "" : " (" + endpoint.disabledReason() + ")")
                    + "; a resend does not enable it. Enable the endpoint first; its stream then retries at once.");
        }
        if (!application.enabled()) {
            throw new ApplicationConflictException("The application is disabled; nothing is delivered to it.");
        }
        if (!applications.serves(app, new CompanyId(company))) {
            throw new ApplicationConflictException("The application no longer serves the company of " + webhookId
                    + "; its events are not sent to it.");
        }
        if (feed.find(new CompanyId(company), eventId).isEmpty()) {
            throw new ApplicationConflictException("The event " + webhookId
                    + " is past the events' retention and has been pruned; it cannot be sent again.");
        }
        boolean pending = jdbc.sql("SELECT COUNT(*) FROM webhook_resend WHERE endpoint_id = ? AND event_id = ?")
                .params(endpointId, eventId).query(Long.class).single() > 0;
        if (!pending) {
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.sql("""
                    INSERT INTO webhook_resend (endpoint_id, company_id, event_id, requested_at, next_attempt_at)
                    VALUES (?, ?, ?, ?, ?)
                    """).params(endpointId, company, eventId, now, now).update();
        }
        audit.record(DeploymentAuditLog.APPLICATION, app.toString(), actor, "WEBHOOK_DELIVERY_RESENT",
                "endpoint " + endpointId + ", " + webhookId + " of company " + company
                        + (pending ? ": a resend was already pending" : ": resend scheduled"));
        return find(app, endpointId, webhookId);
    }

    private static long eventId(String webhookId) {
        if (webhookId != null && webhookId.matches("evt_[0-9]{1,18}")) {
            return Long.parseLong(webhookId.substring(4));
        }
        throw new UnknownApplicationException("Delivery " + webhookId);
    }
}
