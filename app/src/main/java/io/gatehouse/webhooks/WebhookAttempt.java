package io.gatehouse.webhooks;

import java.time.Instant;
import java.util.UUID;

/** One row of an endpoint's delivery log. */
public record WebhookAttempt(String eventId, UUID companyId, int attempt, String outcome, Integer statusCode,
                             String error, long durationMs, Instant attemptedAt) {}
