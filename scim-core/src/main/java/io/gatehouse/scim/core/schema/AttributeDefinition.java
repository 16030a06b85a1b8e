package io.gatehouse.scim.core.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One attribute of a SCIM schema with the characteristics of RFC 7643 section 2.2 / section 7.
 * Attribute names are case-insensitive (RFC 7643 section 2.1), so every lookup here ignores case and
 * hands back the definition whose {@link #name()} is the canonical spelling.
 */
public record AttributeDefinition(
        String name,
        AttributeType type,
        boolean multiValued,
        String description,
        boolean required,
        boolean caseExact,
        Mutability mutability,
        Returned returned,
        Uniqueness uniqueness,
        List<String> canonicalValues,
        List<String> referenceTypes,
        List<AttributeDefinition> subAttributes) {

    public AttributeDefinition {
        canonicalValues = List.copyOf(canonicalValues);
        referenceTypes = List.copyOf(referenceTypes);
        subAttributes = List.copyOf(subAttributes);
    }

    public static Builder builder(String name, AttributeType type) {
        return new Builder(name, type);
    }

    public boolean isComplex() {
        return type == AttributeType.COMPLEX;
    }

    public boolean isReadOnly() {
        return mutability == Mutability.READ_ONLY;
    }

    public boolean hasName(String candidate) {
        return candidate != null && name.equalsIgnoreCase(candidate);
    }

    /** Case-insensitive sub-attribute lookup; empty for simple attributes or unknown names. */
    public Optional<AttributeDefinition> subAttribute(String subName) {
        for (AttributeDefinition sub : subAttributes) {
            if (sub.hasName(subName)) {
                return Optional.of(sub);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return name + "(" + type.scimName() + (multiValued ? "[]" : "") + ")";
    }

    /** Defaults follow RFC 7643 section 2.2: optional, single-valued, case-insensitive, readWrite, default, none. */
    public static final class Builder {
        private final String name;
        private final AttributeType type;
        private boolean multiValued;
        private String description = "";
        private boolean required;
        private boolean caseExact;
        private Mutability mutability = Mutability.READ_WRITE;
        private Returned returned = Returned.DEFAULT;
        private Uniqueness uniqueness = Uniqueness.NONE;
        private final List<String> canonicalValues = new ArrayList<>();
        private final List<String> referenceTypes = new ArrayList<>();
        private final List<AttributeDefinition> subAttributes = new ArrayList<>();

        private Builder(String name, AttributeType type) {
            this.name = name;
            this.type = type;
        }

        public Builder multiValued() {
            this.multiValued = true;
            return this;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        public Builder caseExact() {
            this.caseExact = true;
            return this;
        }

        public Builder mutability(Mutability value) {
            this.mutability = value;
            return this;
        }

        public Builder returned(Returned value) {
            this.returned = value;
            return this;
        }

        public Builder uniqueness(Uniqueness value) {
            this.uniqueness = value;
            return this;
        }

        public Builder canonicalValues(String... values) {
            this.canonicalValues.addAll(List.of(values));
            return this;
        }

        public Builder referenceTypes(String... values) {
            this.referenceTypes.addAll(List.of(values));
            return this;
        }

        public Builder subAttributes(AttributeDefinition... subs) {
            this.subAttributes.addAll(List.of(subs));
            return this;
        }

        public AttributeDefinition build() {
            if (type == AttributeType.COMPLEX && subAttributes.isEmpty()) {
                throw new IllegalStateException("complex attribute without sub-attributes: " + name);
            }
            return new AttributeDefinition(name, type, multiValued, description, required, caseExact,
                    mutability, returned, uniqueness, canonicalValues, referenceTypes, subAttributes);
        }
    }
}
