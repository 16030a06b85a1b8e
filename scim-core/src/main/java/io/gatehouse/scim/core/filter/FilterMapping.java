package io.gatehouse.scim.core.filter;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The allow-list of filterable/sortable attribute paths of one resource type and where each is
 * stored. Anything not listed here is rejected with {@code invalidFilter}, so column names in
 * generated SQL can only come from this class.
 *
 * <p>Paths are matched case-insensitively (RFC 7643 section 2.1: attribute names are
 * case-insensitive). Each attribute belongs to one schema URN; a filter may qualify it with
 * that URN (RFC 7644 section 3.10), e.g. {@code urn:ietf:params:scim:schemas:core:2.0:User:userName}.
 * Common attributes (id, externalId, meta.*) are registered under the core schema URN.
 */
public final class FilterMapping {

    /** What a path resolves to. */
    public sealed interface Attribute permits Singular, MultiValued {
        String schemaUrn();
    }

    /** A column of the resource's main table. */
    public record Singular(String schemaUrn, Column column) implements Attribute {
    }

    /** A multi-valued attribute held in a child table. */
    public record MultiValued(String schemaUrn, ChildTable table) implements Attribute {
    }

    private final String alias;
    private final Map<String, Attribute> attributes;
    /** "name" for name.givenName etc. to its schema: enables {@code name[givenName eq "x"]}. */
    private final Map<String, String> complexPrefixes;

    private final Set<Attribute> unique;

    private FilterMapping(String alias, Map<String, Attribute> attributes, Set<Attribute> unique) {
        this.alias = Column.requireIdentifier(alias);
        this.attributes = Map.copyOf(attributes);
        this.unique = Set.copyOf(unique);
        Map<String, String> prefixes = new HashMap<>();
        attributes.forEach((path, attribute) -> {
            int dot = path.indexOf('.');
            if (dot > 0 && attribute instanceof Singular) {
                prefixes.put(path.substring(0, dot), attribute.schemaUrn());
            }
        });
        this.complexPrefixes = Map.copyOf(prefixes);
    }

    /** Alias of the main table in the query the fragment is embedded in ("u", "g"). */
    public String alias() {
        return alias;
    }

    /**
     * @param schemaUrn the URN the client qualified the path with, or null
     * @param path      dotted path without URN, any case ("name.familyName")
     */
    public Optional<Attribute> find(String schemaUrn, String path) {
        Attribute attribute = attributes.get(path.toLowerCase(Locale.ROOT));
        if (attribute == null || (schemaUrn != null && !schemaUrn.equalsIgnoreCase(attribute.schemaUrn()))) {
            return Optional.empty();
        }
        return Optional.of(attribute);
    }

    /** True if at most one resource of a company can have a given value of this attribute. */
    public boolean isUnique(Attribute attribute) {
        return unique.contains(attribute);
    }

    /** True if {@code name} is a singular complex attribute whose sub-attributes are mapped. */
    boolean isComplex(String schemaUrn, String name) {
        String urn = complexPrefixes.get(name.toLowerCase(Locale.ROOT));
        return urn != null && (schemaUrn == null || schemaUrn.equalsIgnoreCase(urn));
    }

    public static Builder builder(String alias, String coreSchemaUrn) {
        return new Builder(alias, coreSchemaUrn);
    }

    public static final class Builder {
        private final String alias;
        private final String coreSchemaUrn;
        private final Map<String, Attribute> attributes = new LinkedHashMap<>();
        private final Set<Attribute> unique = new HashSet<>();

        private Builder(String alias, String coreSchemaUrn) {
            this.alias = alias;
            this.coreSchemaUrn = coreSchemaUrn;
        }

        /** A main-table column of the core schema (or a common attribute). */
        public Builder column(String path, Column column) {
            return column(coreSchemaUrn, path, column);
        }

        /** A main-table column of an extension schema. */
        public Builder column(String schemaUrn, String path, Column column) {
            return put(path, new Singular(schemaUrn, column));
        }

        /** Declares already-mapped attributes unique per company (backed by a unique index). */
        public Builder unique(String... paths) {
            for (String path : paths) {
                Attribute attribute = attributes.get(path.toLowerCase(Locale.ROOT));
                if (attribute == null) {
                    throw new IllegalArgumentException("unique attribute not mapped: " + path);
                }
                unique.add(attribute);
            }
            return this;
        }

        public Builder multiValued(String path, ChildTable table) {
            return put(path, new MultiValued(coreSchemaUrn, table));
        }

        private Builder put(String path, Attribute attribute) {
            if (attributes.put(path.toLowerCase(Locale.ROOT), attribute) != null) {
                throw new IllegalArgumentException("attribute mapped twice: " + path);
            }
            return this;
        }

        public FilterMapping build() {
            return new FilterMapping(alias, attributes, unique);
        }
    }
}
