package io.gatehouse.scim;

import io.gatehouse.scim.core.resource.AttributeSelection;
import io.gatehouse.scim.core.schema.AttributeDefinition;
import io.gatehouse.scim.core.schema.ResourceSchema;
import tools.jackson.databind.node.ObjectNode;

/** attributes / excludedAttributes (RFC 7644 section 3.4.2.5) for the web layer. */
final class Projection {

    private Projection() {}

    static ObjectNode apply(ResourceSchema type, ObjectNode resource, String attributes, String excludedAttributes) {
        if (attributes == null && excludedAttributes == null) {
            return resource;
        }
        return AttributeSelection.apply(type, resource, attributes, excludedAttributes);
    }

    /** Whether a top-level core attribute (e.g. groups) is wanted, so it need not be loaded otherwise. */
    static boolean wants(ResourceSchema type, String attributes, String excludedAttributes, String name) {
        if (attributes == null && excludedAttributes == null) {
            return true;
        }
        AttributeDefinition attribute = type.core().attribute(name).orElseThrow();
        return AttributeSelection.of(type, attributes, excludedAttributes).wants(type.core(), attribute);
    }
}
