package io.gatehouse.scim.core.patch;

import com.unboundid.scim2.common.filters.Filter;
import io.gatehouse.scim.core.resource.AttributeValues;
import io.gatehouse.scim.core.resource.ValueFilters;
import io.gatehouse.scim.core.schema.AttributeDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Helpers for the values of a multi-valued attribute while a PATCH operation edits them. */
final class MultiValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private MultiValues() {
    }

    /**
     * Entra removes values by listing them, {@code {"op":"Remove","path":"roles","value":[{"value":"x"}]}},
     * which RFC 7644 does not define; values are matched on their "value" sub-attribute when given.
     */
    static void removeListed(AttributeDefinition attribute, ArrayNode elements, JsonNode value, String label) {
        JsonNode listed = AttributeValues.coerce(attribute, value.isArray() ? value : JSON.arrayNode().add(value), label);
        for (JsonNode target : listed == null ? JSON.arrayNode() : listed) {
            JsonNode key = attribute.isComplex() ? target.get("value") : null;
            boolean caseExact = attribute.subAttribute("value").map(AttributeDefinition::caseExact).orElse(true);
            for (int i = elements.size() - 1; i >= 0; i--) {
                JsonNode element = elements.get(i);
                boolean same = key == null ? element.equals(target)
                        : key.isString() && element.path("value").isString() && (caseExact
                        ? key.stringValue().equals(element.path("value").stringValue())
                        : key.stringValue().equalsIgnoreCase(element.path("value").stringValue()));
                if (same) {
                    elements.remove(i);
                }
            }
        }
    }

    /** RFC 7644 section 3.5.2: setting primary on one value SHALL set it false on the others. */
    static void clearOtherPrimaries(ArrayNode elements, Set<JsonNode> written) {
        boolean claimed = written.stream().anyMatch(e -> e.path("primary").asBoolean(false));
        if (!claimed) {
            return;
        }
        for (JsonNode element : elements) {
            if (!written.contains(element) && element.path("primary").asBoolean(false)) {
                ((ObjectNode) element).put("primary", false);
            }
        }
    }

    static JsonNode addUnlessPresent(ArrayNode elements, JsonNode element) {
        for (JsonNode existing : elements) {
            if (existing.equals(element)) {
                return existing;
            }
        }
        elements.add(element);
        return element;
    }

    static List<Integer> matching(ArrayNode elements, AttributeDefinition attribute, Filter filter) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            if (filter == null || ValueFilters.matches(filter, attribute, elements.get(i))) {
                indices.add(i);
            }
        }
        return indices;
    }
}
