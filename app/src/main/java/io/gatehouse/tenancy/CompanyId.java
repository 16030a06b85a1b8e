package io.gatehouse.tenancy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import java.util.UUID;

/** A company's id; typed so that a user or group id can never be passed where a company belongs. */
public record CompanyId(UUID value) {

    public CompanyId {
        if (value == null) {
            throw new IllegalArgumentException("company id is null");
        }
    }

    public static CompanyId random() {
        return new CompanyId(UUID.randomUUID());
    }

    /** Parses a path segment; anything that is not a UUID is simply "no such company". */
    public static Optional<CompanyId> parse(String text) {
        try {
            return Optional.of(new CompanyId(UUID.fromString(text)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** In JSON a company id is its UUID string, as in every path: {@code "company": "…"}, not an object. */
    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
