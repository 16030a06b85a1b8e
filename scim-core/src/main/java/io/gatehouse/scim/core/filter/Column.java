package io.gatehouse.scim.core.filter;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * One filterable column: its name (unqualified; the compiler prefixes the table alias), an
 * optional pre-lowercased twin column ({@code ciName}) that carries the index for
 * case-insensitive lookups, the value type, the RFC 7643 {@code caseExact} characteristic and
 * whether the column may be NULL (which decides where null guards are needed).
 *
 * <p>Names are checked against a strict identifier pattern because they are the only
 * non-constant text that reaches the SQL string.
 */
public record Column(String name, String ciName, ValueType type, boolean caseExact, boolean nullable) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    /**
     * Words that H2 2.x or PostgreSQL reserve and that could plausibly be column names; such
     * names are double-quoted. H2 rejects even {@code v.value} unquoted. A quoted lowercase name
     * still matches an unquoted column on PostgreSQL and on H2 with DATABASE_TO_LOWER=TRUE.
     */
    private static final Set<String> RESERVED = Set.of("value", "values", "user", "key", "year", "month", "day",
            "hour", "minute", "second", "row", "rows", "top", "limit", "offset", "order", "group", "default", "end",
            "primary", "unique", "check", "table", "from", "to", "window", "interval", "array", "both", "time");

    public Column {
        requireIdentifier(name);
        if (ciName != null) {
            requireIdentifier(ciName);
        }
        if (type == null) {
            throw new IllegalArgumentException("type is required");
        }
    }

    /** A nullable, case-insensitive string column (the RFC 7643 default: caseExact false). */
    public static Column text(String name) {
        return new Column(name, null, ValueType.STRING, false, true);
    }

    /** A nullable column of a non-string type. */
    public static Column of(String name, ValueType type) {
        return new Column(name, null, type, type != ValueType.STRING, true);
    }

    /** Use {@code ciName} (holding {@code lower(name)}) for case-insensitive comparisons. */
    public Column ci(String ciName) {
        return new Column(name, ciName, type, caseExact, nullable);
    }

    public Column exact() {
        return new Column(name, ciName, type, true, nullable);
    }

    public Column notNull() {
        return new Column(name, ciName, type, caseExact, false);
    }

    /** Qualified column reference. */
    String ref(String alias) {
        return alias + "." + quoted(name);
    }

    /**
     * What string comparisons and sorting use: the column itself when caseExact or not a string,
     * else its pre-lowercased twin when there is one (indexed), else {@code LOWER(column)}.
     * Parameters compared against it must be lowercased the same way (Locale.ROOT).
     */
    String compared(String alias) {
        if (!lowercased()) {
            return ref(alias);
        }
        return ciName != null ? alias + "." + quoted(ciName) : "LOWER(" + ref(alias) + ")";
    }

    /** The column whose NULL-ness decides whether {@link #compared} is NULL. */
    String comparedNullColumn(String alias) {
        return lowercased() && ciName != null ? alias + "." + quoted(ciName) : ref(alias);
    }

    boolean lowercased() {
        return type == ValueType.STRING && !caseExact;
    }

    private static String quoted(String identifier) {
        return RESERVED.contains(identifier) ? '"' + identifier + '"' : identifier;
    }

    static String requireIdentifier(String identifier) {
        if (identifier == null || !IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + identifier);
        }
        return identifier;
    }
}
