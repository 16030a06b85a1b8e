package io.gatehouse.application;

import java.time.Instant;
import java.util.UUID;

/**
 * What may be shown about a client secret or API key after it was issued: never the secret itself. The label is
 * the operator's note (API keys only, e.g. "billing backend"); {@code lastUsedAt} is at most a minute behind.
 */
public record ApplicationCredential(UUID id, String displayPrefix, String label, Instant createdAt,
                                    Instant lastUsedAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
