package io.gatehouse.credentials;

import java.time.Instant;
import java.util.UUID;

/** What may be shown about a token after it was issued: never the token itself. */
public record TokenInfo(UUID id, String displayPrefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
