package io.gatehouse.scim.core.filter;

import io.gatehouse.scim.core.ScimException;
import io.gatehouse.scim.core.StorableText;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Converts filter comparison values (JSON literals) into bind parameters, rejecting misfits. */
final class ValueParsing {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ValueParsing() {
    }

    /**
     * String attributes accept any scalar: numbers and booleans compare by their JSON text
     * ({@code externalId eq 12345}). NUL is refused because PostgreSQL text cannot hold it and
     * would fail the query with a server error instead of a 400; an unpaired surrogate
     * ({@code "\\ud800"}) because it is no text at all (PostgreSQL's driver would send "?").
     */
    static String toText(JsonNode value, String name) {
        if (!value.isString() && !value.isNumber() && !value.isBoolean()) {
            throw ScimException.invalidFilter("Expected a string value for " + name);
        }
        String text = value.isString() ? value.stringValue() : value.asString();
        if (!StorableText.isStorable(text)) {
            throw ScimException.invalidFilter("Filter values must not contain NUL characters or unpaired surrogates");
        }
        return text;
    }

    /** JSON true/false, or the strings "true"/"false" in any case (Entra sends "True"). */
    static Boolean toBoolean(JsonNode value, String name) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isString() && (value.stringValue().equalsIgnoreCase("true")
                || value.stringValue().equalsIgnoreCase("false"))) {
            return Boolean.valueOf(value.stringValue().equalsIgnoreCase("true"));
        }
        throw ScimException.invalidFilter("Expected true or false for " + name);
    }

    /**
     * ISO-8601 date-time (RFC 7643 section 2.3.5, xsd:dateTime). A value without offset is taken
     * as UTC, which is what the service itself writes.
     */
    static OffsetDateTime toDateTime(JsonNode value, String name) {
        if (value.isString()) {
            String text = value.stringValue().trim();
            try {
                return OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException ignored) {
                    // fall through to the error below
                }
            }
        }
        throw ScimException.invalidFilter("Expected an ISO-8601 date-time for " + name);
    }

    /** The UUID, or null when the value cannot be one of our ids. */
    static UUID toUuid(JsonNode value) {
        if (!value.isString() || !UUID_TEXT.matcher(value.stringValue().trim()).matches()) {
            return null;
        }
        return UUID.fromString(value.stringValue().trim());
    }

    /** Escapes LIKE wildcards for {@code ESCAPE '\'}: the value matches literally. */
    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
