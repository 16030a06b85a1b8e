package io.gatehouse.scim.core.filter;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A multi-valued attribute stored one row per value in a child table, filtered with a
 * correlated {@code EXISTS} subquery so that all conditions of a value filter
 * ({@code emails[type eq "work" and value co "@x.com"]}, RFC 7644 section 3.4.2.2) hold on the
 * same row.
 *
 * @param table               child table name
 * @param alias               alias base for the subquery; repeated uses get a number suffix
 * @param correlation         join condition with placeholders {@code {c}} (child alias) and
 *                            {@code {p}} (parent alias), e.g. {@code "{c}.user_id = {p}.id"};
 *                            constant text from the mapping, never from a request
 * @param subAttributes       sub-attribute name (case-insensitive) to column
 * @param defaultSubAttribute sub-attribute used when the filter names the attribute itself
 *                            ({@code emails eq "x"} means {@code emails.value eq "x"}); null when
 *                            the attribute has no "value" (addresses)
 */
public record ChildTable(String table, String alias, String correlation, Map<String, Column> subAttributes,
        String defaultSubAttribute) {

    public ChildTable {
        Column.requireIdentifier(table);
        Column.requireIdentifier(alias);
        Map<String, Column> lower = new LinkedHashMap<>();
        subAttributes.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        subAttributes = Map.copyOf(lower);
        if (defaultSubAttribute != null) {
            defaultSubAttribute = defaultSubAttribute.toLowerCase(Locale.ROOT);
            if (!subAttributes.containsKey(defaultSubAttribute)) {
                throw new IllegalArgumentException("default sub-attribute not mapped: " + defaultSubAttribute);
            }
        }
    }

    Optional<Column> subAttribute(String name) {
        return Optional.ofNullable(subAttributes.get(name.toLowerCase(Locale.ROOT)));
    }

    Optional<Column> defaultColumn() {
        return defaultSubAttribute == null ? Optional.empty() : Optional.of(subAttributes.get(defaultSubAttribute));
    }

    String correlate(String childAlias, String parentAlias) {
        return correlation.replace("{c}", childAlias).replace("{p}", parentAlias);
    }
}
