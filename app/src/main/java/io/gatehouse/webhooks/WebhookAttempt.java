package io.gatehouse.webhooks;

import java.time.Instant;
import java.util.UUID;

/** One attempt of an endpoint's delivery log; {@code resent}: asked for with Resend, not the stream's own. */
public record WebhookAttempt(String eventId, UUID companyId, int attempt, String outcome, Integer statusCode,
                             String error, long durationMs, Instant attemptedAt, boolean resent) {}
