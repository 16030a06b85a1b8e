package io.gatehouse.scim;

import io.gatehouse.scim.core.resource.AttributeSelection;
import io.gatehouse.scim.core.schema.ResourceSchema;
import java.util.Arrays;
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

    /** Whether a top-level attribute (e.g. members, groups) is wanted, so it need not be loaded otherwise. */
    static boolean wants(String attributes, String excludedAttributes, String name) {
        if (attributes != null && !attributes.isBlank()) {
            return lists(attributes, name);
        }
        return excludedAttributes == null || !lists(excludedAttributes, name);
    }

    private static boolean lists(String csv, String name) {
        return Arrays.stream(csv.split(","))
                .map(String::trim)
                .map(a -> a.contains(":") ? a.substring(a.lastIndexOf(':') + 1) : a)
                .map(a -> a.contains(".") ? a.substring(0, a.indexOf('.')) : a)
                .anyMatch(a -> a.equalsIgnoreCase(name));
    }
}
