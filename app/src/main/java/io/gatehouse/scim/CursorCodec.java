package io.gatehouse.scim;

import io.gatehouse.scim.core.ScimException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Opaque cursors for RFC 9865 cursor pagination. A cursor names a position in one query (its filter and
 * sort); used with another query it is {@code invalidCursor}, used after {@link #TIMEOUT} it is
 * {@code expiredCursor}. Cursors are scoped to the token's company like every query, so a forged cursor
 * can only move within the caller's own data.
 */
final class CursorCodec {

    static final Duration TIMEOUT = Duration.ofHours(1);

    private CursorCodec() {}

    static String encode(int offset, String queryKey, Clock clock) {
        String raw = "1:" + offset + ":" + Integer.toHexString(queryKey.hashCode()) + ":" + clock.instant().getEpochSecond();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The offset a cursor stands for; the empty cursor starts at 0. */
    static int decode(String cursor, String queryKey, Clock clock) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (parts.length != 4 || !parts[0].equals("1")
                || !parts[2].equals(Integer.toHexString(queryKey.hashCode()))) {
            throw invalid();
        }
        try {
            int offset = Integer.parseInt(parts[1]);
            long issued = Long.parseLong(parts[3]);
            if (offset < 0) {
                throw invalid();
            }
            if (clock.instant().getEpochSecond() - issued > TIMEOUT.toSeconds()) {
                throw new ScimException(400, "expiredCursor", "The cursor has expired; start the listing again.");
            }
            return offset;
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static ScimException invalid() {
        return new ScimException(400, "invalidCursor", "The cursor is not valid for this query.");
    }
}
