package io.gatehouse.api;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The opaque {@code after=} cursor of listings in creation order: the last row's (created at, id). Not signed: a
 * forged cursor only moves within what the caller may list anyway, since every listing query is scoped to the
 * calling application. Anything that is not a cursor this API wrote is a 400 problem for {@code after}.
 */
public record ApiCursor(Instant createdAt, UUID id) {

    static final int MAX_LENGTH = 200;
    private static final String VERSION = "c1";

    public String encode() {
        String raw = VERSION + ":" + createdAt.getEpochSecond() + ":" + createdAt.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** Empty for no cursor (the first page). */
    public static Optional<ApiCursor> decode(String after) {
        if (after == null || after.isEmpty()) {
            return Optional.empty();
        }
        if (after.length() > MAX_LENGTH) {
            throw invalid();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.US_ASCII).split(":");
            if (parts.length != 4 || !parts[0].equals(VERSION)) {
                throw invalid();
            }
            Instant at = Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            return Optional.of(new ApiCursor(at, UUID.fromString(parts[3])));
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            throw invalid();
        }
    }

    private static ApiProblem invalid() {
        return ApiProblem.invalidParameter("after", "after is not a cursor of this listing; use the nextCursor of "
                + "the previous page, or leave it out to start from the beginning.");
    }
}
