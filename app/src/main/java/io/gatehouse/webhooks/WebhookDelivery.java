package io.gatehouse.webhooks;

import io.gatehouse.application.ProductApplication;
import io.gatehouse.application.ProductApplications;
import io.gatehouse.audit.DeploymentAuditLog;
import io.gatehouse.events.EventFeed;
import io.gatehouse.events.EventsProperties;
import io.gatehouse.events.PublishedEvent;
import io.gatehouse.tenancy.CompanyId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery worker, on every node. Each round claims due streams (webhook_stream: one endpoint, one company)
 * with {@code SELECT … FOR UPDATE SKIP LOCKED} and a conditional UPDATE that sets a lease (the same SQL on
 * PostgreSQL and H2 2.x, which both have SKIP LOCKED), commits, and then sends the stream's events one at a time
 * in feed order, outside any transaction. Each acknowledged event moves the stream on and renews the lease; every
 * write is fenced by the claim's lease token, so a worker that lost its lease (paused past it) changes nothing. A
 * failure (an answer that is not 2xx, a redirect, which is never followed, a timeout, a refused address) schedules
 * the stream's next attempt with exponential back-off and jitter; an endpoint still failing after
 * {@code retry-window} (3 days) is disabled, with an entry in the deployment audit log.
 */
@Component
public class WebhookDelivery {

    static final int EVENTS_PER_CLAIM = 50;
    static final Duration MAX_DELAY = Duration.ofHours(8);
    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

    /** A stream this worker holds until {@code token}'s lease ends. */
    record Claim(UUID endpointId, CompanyId company, long deliveredPosition, int attempts, Instant failingSince,
                 UUID token) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final EventFeed feed;
    private final WebhookEndpoints endpoints;
    private final ProductApplications applications;
    private final DeploymentAuditLog audit;
    private final Clock clock;
    private final EventsProperties.Webhooks settings;
    private final Duration firstRetry;
    private final HttpClient http;

    WebhookDelivery(JdbcClient jdbc, TransactionTemplate tx, EventFeed feed, WebhookEndpoints endpoints,
                    ProductApplications applications, DeploymentAuditLog audit, Clock clock,
                    EventsProperties properties,
                    @org.springframework.beans.factory.annotation.Value(
                            "${gatehouse.events.webhooks.first-retry:PT30S}") Duration firstRetry) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.feed = feed;
        this.endpoints = endpoints;
        this.applications = applications;
        this.audit = audit;
        this.clock = clock;
        this.settings = properties.webhooks();
        this.firstRetry = firstRetry;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.requestTimeout()).build();
    }

    @Scheduled(initialDelay = 2_000, fixedDelayString = "${gatehouse.events.webhooks.poll-interval:PT0.5S}")
    void scheduled() {
        try {
            while (runOnce() > 0) {
                // claimed something: there may be more
            }
        } catch (RuntimeException e) {
            log.warn("Webhook delivery round failed; the next round retries: {}", e.toString());
        }
    }

    /** One round: claims up to 10 due streams and 10 due resends and works them off; how many it claimed. */
    public int runOnce() {
        List<Claim> claims = claim(10);
        claims.forEach(this::work);
        List<ResendClaim> resends = claimResends(10);
        resends.forEach(this::resend);
        return claims.size() + resends.size();
    }

    List<Claim> claim(int limit) {
        List<Claim> claimed = tx.execute(status -> {
            Instant now = clock.instant();
            List<Claim> due = jdbc.sql("""
                    SELECT s.endpoint_id, s.company_id, s.delivered_position, s.attempts, s.failing_since
                    FROM webhook_stream s
                    WHERE s.next_attempt_at <= ? AND (s.lease_until IS NULL OR s.lease_until < ?)
                      AND EXISTS (SELECT 1 FROM webhook_endpoint e WHERE e.id = s.endpoint_id AND e.enabled = TRUE)
                      AND EXISTS (SELECT 1 FROM directory_event ev WHERE ev.company_id = s.company_id
                        AND ev.feed_position > s.delivered_position)
                    ORDER BY s.next_attempt_at
                    LIMIT %d
                    FOR UPDATE SKIP LOCKED
                    """.formatted(limit))
                    .params(Timestamp.from(now), Timestamp.from(now))
                    .query((rs, n) -> new Claim(rs.getObject(1, UUID.class), new CompanyId(rs.getObject(2, UUID.class)),
                            rs.getLong(3), rs.getInt(4), instant(rs.getTimestamp(5)), UUID.randomUUID()))
                    .list();
            List<Claim> mine = new ArrayList<>();
            for (Claim c : due) {
                int updated = jdbc.sql("""
                        UPDATE webhook_stream SET lease_until = ?, lease_token = ?
                        WHERE endpoint_id = ? AND company_id = ? AND (lease_until IS NULL OR lease_until < ?)
                        """)
                        .params(Timestamp.from(now.plus(settings.lease())), c.token(), c.endpointId(),
                                c.company().value(), Timestamp.from(now))
                        .update();
                if (updated == 1) {
                    mine.add(c);
                }
            }
            return mine;
        });
        return claimed == null ? List.of() : claimed;
    }

    void work(Claim claim) {
        Optional<WebhookEndpoint> endpoint = deliverable(claim.endpointId(), claim.company());
        if (endpoint.isEmpty()) {
            // not served any more: the stream goes (a later event of a served company opens a new one)
            jdbc.sql("DELETE FROM webhook_stream WHERE endpoint_id = ? AND company_id = ? AND lease_token = ?")
                    .params(claim.endpointId(), claim.company().value(), claim.token()).update();
            return;
        }
        List<String> secrets = endpoints.signingSecrets(claim.endpointId());
        for (PublishedEvent event : feed.ofCompany(claim.company(), claim.deliveredPosition(), EVENTS_PER_CLAIM)) {
            if (!endpoint.get().receives(event.type())) {
                if (!advance(claim, event.position())) {
                    return;
                }
                claim = new Claim(claim.endpointId(), claim.company(), event.position(), 0, null, claim.token());
                continue;
            }
            Attempt attempt = send(endpoint.get(), secrets, event);
            record(claim, event, attempt);
            if (!attempt.delivered()) {
                failed(claim, endpoint.get(), attempt);
                return;
            }
            if (!advance(claim, event.position())) {
                return;
            }
            claim = new Claim(claim.endpointId(), claim.company(), event.position(), 0, null, claim.token());
        }
        jdbc.sql("UPDATE webhook_stream SET lease_until = NULL, lease_token = NULL WHERE endpoint_id = ?"
                        + " AND company_id = ? AND lease_token = ?")
                .params(claim.endpointId(), claim.company().value(), claim.token()).update();
    }

    /** The endpoint, while it and its application are enabled and the application serves the company. */
    private Optional<WebhookEndpoint> deliverable(UUID endpointId, CompanyId company) {
        Optional<WebhookEndpoint> endpoint = endpoints.find(endpointId).filter(WebhookEndpoint::enabled);
        Optional<ProductApplication> app = endpoint.flatMap(e -> applications.find(e.application()))
                .filter(ProductApplication::enabled);
        return app.isPresent() && applications.serves(app.get().id(), company) ? endpoint : Optional.empty();
    }

    /** A requested resend (webhook_resend) this worker holds until {@code token}'s lease ends. */
    record ResendClaim(long id, UUID endpointId, CompanyId company, long eventId, UUID token) {}

    List<ResendClaim> claimResends(int limit) {
        List<ResendClaim> claimed = tx.execute(status -> {
            Instant now = clock.instant();
            List<ResendClaim> due = jdbc.sql("""
                    SELECT id, endpoint_id, company_id, event_id FROM webhook_resend
                    WHERE next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)
                    ORDER BY next_attempt_at, id
                    LIMIT %d
                    FOR UPDATE SKIP LOCKED
                    """.formatted(limit))
                    .params(Timestamp.from(now), Timestamp.from(now))
                    .query((rs, n) -> new ResendClaim(rs.getLong(1), rs.getObject(2, UUID.class),
                            new CompanyId(rs.getObject(3, UUID.class)), rs.getLong(4), UUID.randomUUID()))
                    .list();
            return due.stream().filter(r -> jdbc.sql("""
                    UPDATE webhook_resend SET lease_until = ?, lease_token = ?
                    WHERE id = ? AND (lease_until IS NULL OR lease_until < ?)
                    """)
                    .params(Timestamp.from(now.plus(settings.lease())), r.token(), r.id(), Timestamp.from(now))
                    .update() == 1).toList();
        });
        return claimed == null ? List.of() : claimed;
    }

    /**
     * One attempt of a resend, recorded in the delivery log as resent; not retried (the log shows the outcome,
     * and another resend may be asked for). Not sent, and dropped, when the endpoint, its application or the
     * company is no longer deliverable, or the event was pruned meanwhile.
     */
    void resend(ResendClaim claim) {
        Optional<WebhookEndpoint> endpoint = deliverable(claim.endpointId(), claim.company());
        Optional<PublishedEvent> event = endpoint.flatMap(e -> feed.find(claim.company(), claim.eventId()));
        if (event.isPresent()) {
            Attempt attempt = send(endpoint.get(), endpoints.signingSecrets(claim.endpointId()), event.get());
            int number = jdbc.sql("SELECT COALESCE(MAX(attempt), 0) FROM webhook_delivery WHERE endpoint_id = ?"
                    + " AND event_id = ?").params(claim.endpointId(), claim.eventId()).query(Integer.class).single();
            insertAttempt(claim.endpointId(), claim.company(), claim.eventId(), number + 1, attempt, true);
        }
        jdbc.sql("DELETE FROM webhook_resend WHERE id = ? AND lease_token = ?").params(claim.id(), claim.token())
                .update();
    }

    /** The outcome of one HTTP attempt. */
    record Attempt(boolean delivered, Integer status, String error, long millis) {}

    Attempt send(WebhookEndpoint endpoint, List<String> secrets, PublishedEvent event) {
        long started = System.nanoTime();
        Optional<String> refused = endpoints.rules().problem(endpoint.url());
        if (refused.isPresent()) {
            return new Attempt(false, null, "url " + refused.get(), 0);
        }
        String body = feed.envelopeJson(event);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Gatehouse-Webhooks/1")
                .header("webhook-id", event.publicId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.header(secrets, event.publicId(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            long millis = (System.nanoTime() - started) / 1_000_000;
            int status = response.statusCode();
            boolean ok = status >= 200 && status < 300;
            return new Attempt(ok, status, ok ? null : status >= 300 && status < 400
                    ? "answered a redirect (" + status + "), which is not followed" : "answered " + status, millis);
        } catch (HttpTimeoutException e) {
            return new Attempt(false, null, "no answer within " + settings.requestTimeout(), elapsed(started));
        } catch (java.io.IOException e) {
            return new Attempt(false, null, "could not be reached: " + e.getClass().getSimpleName(), elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(false, null, "interrupted", elapsed(started));
        }
    }

    /** Moves the stream past {@code position} and renews the lease; false when the lease was lost. */
    private boolean advance(Claim claim, long position) {
        Instant now = clock.instant();
        return jdbc.sql("""
                UPDATE webhook_stream SET delivered_position = ?, attempts = 0, failing_since = NULL, last_error = NULL,
                  next_attempt_at = ?, lease_until = ?
                WHERE endpoint_id = ? AND company_id = ? AND lease_token = ?
                """)
                .params(position, Timestamp.from(now), Timestamp.from(now.plus(settings.lease())), claim.endpointId(),
                        claim.company().value(), claim.token())
                .update() == 1;
    }

    private void failed(Claim claim, WebhookEndpoint endpoint, Attempt attempt) {
        Instant now = clock.instant();
        int attempts = claim.attempts() + 1;
        Instant failingSince = claim.failingSince() == null ? now : claim.failingSince();
        jdbc.sql("""
                UPDATE webhook_stream SET attempts = ?, failing_since = ?, next_attempt_at = ?, last_error = ?,
                  lease_until = NULL, lease_token = NULL
                WHERE endpoint_id = ? AND company_id = ? AND lease_token = ?
                """)
                .params(attempts, Timestamp.from(failingSince), Timestamp.from(now.plus(delay(firstRetry, attempts))),
                        truncate(attempt.error()), claim.endpointId(), claim.company().value(), claim.token())
                .update();
        if (failingSince.plus(settings.retryWindow()).isBefore(now)) {
            disable(endpoint, failingSince, attempt.error());
        }
    }

    private void disable(WebhookEndpoint endpoint, Instant failingSince, String error) {
        String reason = truncate("failing since " + failingSince + ": " + error);
        tx.executeWithoutResult(status -> {
            int changed = jdbc.sql("UPDATE webhook_endpoint SET enabled = FALSE, disabled_reason = ?, updated_at = ?"
                            + " WHERE id = ? AND enabled = TRUE")
                    .params(reason, Timestamp.from(clock.instant()), endpoint.id()).update();
            if (changed == 1) {
                audit.record(DeploymentAuditLog.APPLICATION, endpoint.application().toString(), "gatehouse",
                        "WEBHOOK_ENDPOINT_DISABLED", "endpoint " + endpoint.id() + " " + reason);
            }
        });
        log.warn("Webhook endpoint {} disabled after sustained failure ({})", endpoint.id(), reason);
    }

    private void record(Claim claim, PublishedEvent event, Attempt attempt) {
        insertAttempt(claim.endpointId(), claim.company(), event.id(), claim.attempts() + 1, attempt, false);
    }

    private void insertAttempt(UUID endpointId, CompanyId company, long eventId, int number, Attempt attempt,
                               boolean resent) {
        jdbc.sql("""
                INSERT INTO webhook_delivery (endpoint_id, company_id, event_id, attempt, outcome, status_code, error,
                  duration_ms, attempted_at, resent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(endpointId, company.value(), eventId, number, attempt.delivered() ? "DELIVERED" : "FAILED",
                        attempt.status(), truncate(attempt.error()), attempt.millis(), Timestamp.from(clock.instant()),
                        resent)
                .update();
    }

    /**
     * The wait before attempt {@code attempts + 1}: {@code first} doubled per failure, at most 8 hours, times a
     * random factor of 0.8–1.2 (so that the receivers' retries do not arrive in lockstep). With 30 s: 30 s, 1 min,
     * 2 min … 4.3 h, then every 8 h; 3 days is about 18 attempts.
     */
    static Duration delay(Duration first, int attempts) {
        long base = first.toMillis() << Math.min(attempts - 1, 30);
        long capped = base <= 0 ? MAX_DELAY.toMillis() : Math.min(base, MAX_DELAY.toMillis());
        return Duration.ofMillis((long) (capped * ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 512 ? s : s.substring(0, 512);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
