package io.gatehouse.webhooks;

import io.gatehouse.application.ApplicationId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook endpoint of a product application; {@code eventTypes} empty: every type. */
public record WebhookEndpoint(UUID id, ApplicationId application, String url, List<String> eventTypes,
                              boolean enabled, String disabledReason, Instant createdAt, Instant updatedAt) {

    public boolean receives(String type) {
        return eventTypes.isEmpty() || eventTypes.contains(type);
    }
}
