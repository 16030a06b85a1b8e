package io.gatehouse.operator;

import static io.gatehouse.operator.OperatorApplicationsController.refuseUnknown;
import static io.gatehouse.operator.OperatorApplicationsController.uuid;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.gatehouse.application.ApplicationId;
import io.gatehouse.application.UnknownApplicationException;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.webhooks.WebhookAttempt;
import io.gatehouse.webhooks.WebhookDeliveryLog;
import io.gatehouse.webhooks.WebhookEndpoint;
import io.gatehouse.webhooks.WebhookEndpoints;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook endpoints of a product application ({@code /operator/v1/applications/{id}/webhooks}): register (the
 * signing secret is on that answer only), list, change (url, enabled, eventTypes), delete, rotate the secret, and
 * the delivery log with Resend. Refusals: OperatorApplicationErrorHandler ({@code field} names the value at fault).
 */
@RestController
@RequestMapping("/operator/v1/applications/{id}/webhooks")
class OperatorWebhooksController {

    record EndpointBody(String url, Boolean enabled, List<String> eventTypes,
                        @JsonAnySetter Map<String, Object> unknown) {}

    static final String SECRET_NOTE = "Shown once: the receiver verifies webhook-signature with it (Standard "
            + "Webhooks); it is stored sealed and never shown again.";

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveryLog deliveryLog;

    OperatorWebhooksController(WebhookEndpoints endpoints, WebhookDeliveryLog deliveryLog) {
        this.endpoints = endpoints;
        this.deliveryLog = deliveryLog;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@PathVariable String id, @RequestBody(required = false) EndpointBody body) {
        if (body == null || body.url() == null) {
            throw OperatorException.invalid("A JSON body {\"url\": \"https://…\"} is required.");
        }
        refuseUnknown(body.unknown());
        ApplicationId app = app(id);
        WebhookEndpoints.Registered registered = endpoints.register(app, body.url(), body.eventTypes(),
                AuditLog.SUPPORT_TEAM);
        Map<String, Object> view = view(registered.endpoint());
        view.put("secret", registered.secret());
        view.put("note", SECRET_NOTE);
        return ResponseEntity.created(URI.create("/operator/v1/applications/" + id + "/webhooks/"
                + registered.endpoint().id())).body(view);
    }

    @GetMapping
    List<Map<String, Object>> list(@PathVariable String id) {
        return endpoints.list(app(id)).stream().map(OperatorWebhooksController::view).toList();
    }

    @GetMapping("/{endpointId}")
    Map<String, Object> get(@PathVariable String id, @PathVariable String endpointId) {
        return view(endpoints.find(app(id), uuid(endpointId, "Webhook endpoint")));
    }

    @PatchMapping("/{endpointId}")
    Map<String, Object> update(@PathVariable String id, @PathVariable String endpointId,
                               @RequestBody(required = false) EndpointBody body) {
        if (body == null) {
            throw OperatorException.invalid("A JSON body with url, enabled or eventTypes is required.");
        }
        refuseUnknown(body.unknown());
        return view(endpoints.update(app(id), uuid(endpointId, "Webhook endpoint"), body.url(), body.enabled(),
                body.eventTypes(), AuditLog.SUPPORT_TEAM));
    }

    @DeleteMapping("/{endpointId}")
    ResponseEntity<Void> delete(@PathVariable String id, @PathVariable String endpointId) {
        endpoints.delete(app(id), uuid(endpointId, "Webhook endpoint"), AuditLog.SUPPORT_TEAM);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{endpointId}/secrets")
    Map<String, Object> rotate(@PathVariable String id, @PathVariable String endpointId) {
        String secret = endpoints.rotateSecret(app(id), uuid(endpointId, "Webhook endpoint"), AuditLog.SUPPORT_TEAM);
        return Map.of("secret", secret, "note", SECRET_NOTE + " The previous secret stays valid for "
                + WebhookEndpoints.ROTATION_OVERLAP.toHours() + " hours; deliveries carry both signatures meanwhile.");
    }

    @GetMapping("/{endpointId}/deliveries")
    List<WebhookAttempt> deliveries(@PathVariable String id, @PathVariable String endpointId,
                                    @RequestParam(defaultValue = "50") String limit) {
        int n;
        try {
            n = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > 1000) {
            throw OperatorException.invalid("limit must be between 1 and 1000.");
        }
        return endpoints.deliveries(app(id), uuid(endpointId, "Webhook endpoint"), n);
    }

    /**
     * One fresh attempt of the delivery {@code webhookId} ({@code evt_…}, the event's webhook-id) to this endpoint,
     * soon, by the delivery worker: 202 with the delivery as the log shows it. 404 for a delivery not attempted at
     * this endpoint; 409 while the endpoint or application is disabled (a resend enables nothing: PATCH
     * {@code {"enabled": true}} does), for a company no longer served, or an event past retention.
     */
    @PostMapping("/{endpointId}/deliveries/{webhookId}/resend")
    ResponseEntity<Map<String, Object>> resend(@PathVariable String id, @PathVariable String endpointId,
                                               @PathVariable String webhookId) {
        WebhookDeliveryLog.Delivery d = deliveryLog.resend(app(id), uuid(endpointId, "Webhook endpoint"), webhookId,
                AuditLog.SUPPORT_TEAM);
        return ResponseEntity.accepted().body(view(d));
    }

    static Map<String, Object> view(WebhookDeliveryLog.Delivery d) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("webhookId", d.webhookId());
        view.put("companyId", d.companyId().toString());
        view.put("eventType", d.eventType());
        view.put("state", d.state());
        view.put("attempts", d.attempts());
        view.put("lastOutcome", d.outcome());
        view.put("lastStatusCode", d.statusCode());
        view.put("lastError", d.error());
        view.put("lastAttemptAt", d.lastAttemptAt().toString());
        view.put("nextAttemptAt", d.nextAttemptAt() == null ? null : d.nextAttemptAt().toString());
        return view;
    }

    private static ApplicationId app(String id) {
        return ApplicationId.parse(id).orElseThrow(() -> new UnknownApplicationException("Application " + id));
    }

    static Map<String, Object> view(WebhookEndpoint e) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", e.id().toString());
        view.put("url", e.url());
        view.put("eventTypes", e.eventTypes());
        view.put("enabled", e.enabled());
        view.put("disabledReason", e.disabledReason());
        view.put("createdAt", e.createdAt().toString());
        view.put("updatedAt", e.updatedAt().toString());
        return view;
    }
}
