package io.gatehouse.webhooks;

import io.gatehouse.application.ApplicationId;
import io.gatehouse.application.InvalidApplicationException;
import io.gatehouse.application.ProductApplications;
import io.gatehouse.application.UnknownApplicationException;
import io.gatehouse.audit.DeploymentAuditLog;
import io.gatehouse.events.EventType;
import io.gatehouse.events.EventsProperties;
import io.gatehouse.secrets.SealedColumn;
import io.gatehouse.secrets.SecretSealer;
import java.net.InetAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook endpoints of product applications: registration (the signing secret is shown once and stored sealed),
 * changes, deletion and secret rotation, each audited in the deployment-wide log under the application. After a
 * rotation the previous secret stays valid for {@link #ROTATION_OVERLAP}: deliveries are signed with both, so the
 * receiver can switch at its own pace; a second rotation within that time ends the oldest at once (never more
 * than two).
 */
@Service
public class WebhookEndpoints {

    public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);
    static final String PURPOSE = "webhook-secret";
    static final int MAX_PER_APPLICATION = 10;

    /** A new endpoint and its secret, the only copy there will ever be. */
    public record Registered(WebhookEndpoint endpoint, String secret) {}

    private final JdbcClient jdbc;
    private final SecretSealer sealer;
    private final ProductApplications applications;
    private final DeploymentAuditLog audit;
    private final Clock clock;
    private final WebhookUrlRules rules;

    WebhookEndpoints(JdbcClient jdbc, SecretSealer sealer, ProductApplications applications, DeploymentAuditLog audit,
                     Clock clock, EventsProperties properties) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.applications = applications;
        this.audit = audit;
        this.clock = clock;
        this.rules = new WebhookUrlRules(properties.webhooks().allowHttpLoopback(), InetAddress::getAllByName);
    }

    /** For secrets.Resealer: the sealed secrets move to a new key-encryption key with the rest. */
    @Bean
    static SealedColumn webhookSecretColumn() {
        return new SealedColumn(PURPOSE, "webhook_secret", "id", "sealed");
    }

    WebhookUrlRules rules() {
        return rules;
    }

    @Transactional
    public Registered register(ApplicationId app, String url, List<String> eventTypes, String actor) {
        requireApplication(app);
        requireUrl(url);
        List<String> types = checkedTypes(eventTypes);
        if (list(app).size() >= MAX_PER_APPLICATION) {
            throw new InvalidApplicationException("url", "An application has at most " + MAX_PER_APPLICATION
                    + " webhook endpoints.");
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO webhook_endpoint (id, application_id, url, event_types, enabled, created_at, updated_at)
                VALUES (?, ?, ?, ?, TRUE, ?, ?)
                """)
                .params(id, app.value(), url, joined(types), Timestamp.from(now), Timestamp.from(now))
                .update();
        String secret = addSecret(id, now);
        audit.record(DeploymentAuditLog.APPLICATION, app.toString(), actor, "WEBHOOK_ENDPOINT_ADDED",
                "endpoint " + id + " → " + url);
        return new Registered(find(app, id), secret);
    }

    public List<WebhookEndpoint> list(ApplicationId app) {
        return jdbc.sql("SELECT * FROM webhook_endpoint WHERE application_id = ? ORDER BY created_at, id")
                .param(app.value()).query((rs, n) -> map(rs)).list();
    }

    public WebhookEndpoint find(ApplicationId app, UUID id) {
        return jdbc.sql("SELECT * FROM webhook_endpoint WHERE application_id = ? AND id = ?")
                .params(app.value(), id).query((rs, n) -> map(rs)).optional()
                .orElseThrow(() -> new UnknownApplicationException("Webhook endpoint " + id));
    }

    Optional<WebhookEndpoint> find(UUID id) {
        return jdbc.sql("SELECT * FROM webhook_endpoint WHERE id = ?").param(id).query((rs, n) -> map(rs)).optional();
    }

    /** Applies the given changes (null = unchanged); enabling clears the reason it was disabled. */
    @Transactional
    public WebhookEndpoint update(ApplicationId app, UUID id, String url, Boolean enabled, List<String> eventTypes,
                                  String actor) {
        WebhookEndpoint current = find(app, id);
        if (url != null) {
            requireUrl(url);
        }
        List<String> types = eventTypes == null ? current.eventTypes() : checkedTypes(eventTypes);
        boolean on = enabled == null ? current.enabled() : enabled;
        jdbc.sql("""
                UPDATE webhook_endpoint SET url = ?, event_types = ?, enabled = ?, disabled_reason = ?, updated_at = ?
                WHERE id = ? AND application_id = ?
                """)
                .params(url == null ? current.url() : url, joined(types), on, on ? null : current.disabledReason(),
                        Timestamp.from(clock.instant()), id, app.value())
                .update();
        if (on && !current.enabled()) {
            // a re-enabled endpoint is tried at once, with a fresh back-off
            jdbc.sql("UPDATE webhook_stream SET attempts = 0, failing_since = NULL, next_attempt_at = ?"
                    + " WHERE endpoint_id = ?").params(Timestamp.from(clock.instant()), id).update();
        }
        audit.record(DeploymentAuditLog.APPLICATION, app.toString(), actor, "WEBHOOK_ENDPOINT_CHANGED",
                "endpoint " + id + (url == null ? "" : " → " + url) + (enabled == null ? "" : on ? ", enabled"
                        : ", disabled"));
        return find(app, id);
    }

    @Transactional
    public void delete(ApplicationId app, UUID id, String actor) {
        find(app, id);
        jdbc.sql("DELETE FROM webhook_endpoint WHERE id = ? AND application_id = ?").params(id, app.value()).update();
        audit.record(DeploymentAuditLog.APPLICATION, app.toString(), actor, "WEBHOOK_ENDPOINT_DELETED",
                "endpoint " + id);
    }

    /** A new secret; the previous one stays valid for {@link #ROTATION_OVERLAP}, any older one ends now. */
    @Transactional
    public String rotateSecret(ApplicationId app, UUID id, String actor) {
        find(app, id);
        Instant now = clock.instant();
        List<UUID> valid = jdbc.sql("SELECT id FROM webhook_secret WHERE endpoint_id = ? AND (expires_at IS NULL"
                        + " OR expires_at > ?) ORDER BY created_at DESC, id")
                .params(id, Timestamp.from(now)).query(UUID.class).list();
        for (int i = 0; i < valid.size(); i++) {
            Instant end = i == 0 ? now.plus(ROTATION_OVERLAP) : now;
            jdbc.sql("UPDATE webhook_secret SET expires_at = ? WHERE id = ?").params(Timestamp.from(end), valid.get(i))
                    .update();
        }
        jdbc.sql("DELETE FROM webhook_secret WHERE endpoint_id = ? AND expires_at <= ?")
                .params(id, Timestamp.from(now)).update();
        String secret = addSecret(id, now);
        audit.record(DeploymentAuditLog.APPLICATION, app.toString(), actor, "WEBHOOK_SECRET_ROTATED",
                "endpoint " + id + "; the previous secret stays valid until " + now.plus(ROTATION_OVERLAP));
        return secret;
    }

    /** The newest delivery attempts of an endpoint, newest first (the delivery log). */
    public List<WebhookAttempt> deliveries(ApplicationId app, UUID id, int limit) {
        find(app, id);
        return jdbc.sql("SELECT * FROM webhook_delivery WHERE endpoint_id = ? ORDER BY id DESC LIMIT " + limit)
                .param(id)
                .query((rs, n) -> new WebhookAttempt("evt_" + rs.getLong("event_id"),
                        rs.getObject("company_id", UUID.class), rs.getInt("attempt"), rs.getString("outcome"),
                        (Integer) rs.getObject("status_code"), rs.getString("error"), rs.getLong("duration_ms"),
                        rs.getTimestamp("attempted_at").toInstant(), rs.getBoolean("resent")))
                .list();
    }

    /** The valid secrets of an endpoint, newest first: what a delivery is signed with. */
    List<String> signingSecrets(UUID endpointId) {
        return jdbc.sql("SELECT id, sealed FROM webhook_secret WHERE endpoint_id = ? AND (expires_at IS NULL"
                        + " OR expires_at > ?) ORDER BY created_at DESC, id")
                .params(endpointId, Timestamp.from(clock.instant()))
                .query((rs, n) -> sealer.openText(PURPOSE, rs.getString("id"), rs.getString("sealed")))
                .list();
    }

    private String addSecret(UUID endpointId, Instant now) {
        String secret = WebhookSignature.newSecret();
        UUID secretId = UUID.randomUUID();
        jdbc.sql("INSERT INTO webhook_secret (id, endpoint_id, sealed, created_at) VALUES (?, ?, ?, ?)")
                .params(secretId, endpointId, sealer.seal(PURPOSE, secretId.toString(), secret), Timestamp.from(now))
                .update();
        return secret;
    }

    private void requireApplication(ApplicationId app) {
        if (applications.find(app).isEmpty()) {
            throw new UnknownApplicationException("Application " + app);
        }
    }

    private void requireUrl(String url) {
        rules.problem(url).ifPresent(problem -> {
            throw new InvalidApplicationException("url", "url " + problem + ".");
        });
    }

    private static List<String> checkedTypes(List<String> types) {
        if (types == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i);
            if (type == null || EventType.byWireName(type).isEmpty()) {
                throw new InvalidApplicationException("eventTypes[" + i + "]", "eventTypes[" + i + "] is not an "
                        + "event type; known: " + Arrays.stream(EventType.values()).map(EventType::wireName).toList());
            }
            if (!out.contains(type)) {
                out.add(type);
            }
        }
        return out;
    }

    private static String joined(List<String> types) {
        return types.isEmpty() ? null : String.join(",", types);
    }

    private static WebhookEndpoint map(ResultSet rs) throws SQLException {
        String types = rs.getString("event_types");
        return new WebhookEndpoint(rs.getObject("id", UUID.class),
                new ApplicationId(rs.getObject("application_id", UUID.class)), rs.getString("url"),
                types == null ? List.of() : List.of(types.split(",")), rs.getBoolean("enabled"),
                rs.getString("disabled_reason"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
