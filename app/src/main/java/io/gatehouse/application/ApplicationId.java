package io.gatehouse.application;

import java.util.Optional;
import java.util.UUID;

/** A product application's internal id (not its public client id); typed so no other id is passed in its place. */
public record ApplicationId(UUID value) {

    public ApplicationId {
        if (value == null) {
            throw new IllegalArgumentException("application id is null");
        }
    }

    static ApplicationId random() {
        return new ApplicationId(UUID.randomUUID());
    }

    /** Parses a path segment; anything that is not a UUID is simply "no such application". */
    public static Optional<ApplicationId> parse(String text) {
        try {
            return Optional.of(new ApplicationId(UUID.fromString(text)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
