package io.gatehouse.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code after=} cursor of {@code GET /api/v1/events}: a feed position (events.EventFeed). Not signed: a
 * forged position only moves within the calling application's own companies' events. Anything that is not a
 * cursor this API wrote (another listing's cursor included) is a 400 problem for {@code after}.
 */
record EventCursor(long position) {

    private static final String VERSION = "e1";

    String encode() {
        String raw = VERSION + ":" + position;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** Position 0 (the start of the retained feed) for no cursor. */
    static EventCursor decode(String after) {
        if (after == null || after.isEmpty()) {
            return new EventCursor(0);
        }
        if (after.length() > ApiCursor.MAX_LENGTH) {
            throw invalid();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.US_ASCII);
            if (!raw.startsWith(VERSION + ":") || raw.length() > 40) {
                throw invalid();
            }
            long position = Long.parseLong(raw.substring(VERSION.length() + 1));
            if (position < 0) {
                throw invalid();
            }
            return new EventCursor(position);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static ApiProblem invalid() {
        return ApiProblem.invalidParameter("after", "after is not a cursor of the events feed; use the nextCursor of "
                + "the previous answer, or leave it out to start from the oldest retained event.");
    }
}
