package io.gatehouse.saml.core;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * SAML time values are xs:dateTime in UTC (SAML core §1.3.3). Real IdPs write "Z" or "+00:00" and
 * any number of fractional digits; a value without a zone is ambiguous and refused.
 */
final class SamlTime {

    private SamlTime() {
    }

    /** Parses the attribute value, or returns null when the attribute is absent. */
    static Instant parseOptional(String value, String what) throws Rejection {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw Rejection.of(FailureCode.SCHEMA_VIOLATION, "an xs:dateTime in UTC", value,
                    what + " is not a UTC xs:dateTime (SAML core §1.3.3)");
        }
    }
}
