package io.gatehouse.scim.core.filter;

/**
 * How a filterable column compares (RFC 7643 section 2.3 data types, reduced to those the
 * database stores). Decides which operators are allowed and how the comparison value is
 * converted into a bind parameter.
 */
public enum ValueType {
    /** Compared as text; case-insensitively unless the {@link Column} is caseExact. */
    STRING,
    /** eq/ne only; {@code true}/{@code false}, also as strings in any case (Entra sends "True"). */
    BOOLEAN,
    /** ISO-8601 date-time bound as {@link java.time.OffsetDateTime}; no co/sw/ew. */
    DATETIME,
    /** eq/ne only; a value that is not a UUID matches nothing instead of failing. */
    UUID
}
