package io.gatehouse.scim.core.schema;

import java.util.List;
import java.util.Optional;

/** A schema resource (RFC 7643 section 7): its URN {@link #id()}, name and top-level attributes. */
public record SchemaDefinition(String id, String name, String description, List<AttributeDefinition> attributes) {

    public SchemaDefinition {
        attributes = List.copyOf(attributes);
    }

    /** Case-insensitive lookup of a top-level attribute (RFC 7643 section 2.1). */
    public Optional<AttributeDefinition> attribute(String attributeName) {
        for (AttributeDefinition attribute : attributes) {
            if (attribute.hasName(attributeName)) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }

    public boolean hasId(String urn) {
        return urn != null && id.equalsIgnoreCase(urn);
    }
}
