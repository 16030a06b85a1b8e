package io.gatehouse.scim.core.resource;

import io.gatehouse.scim.core.ScimException;
import io.gatehouse.scim.core.schema.AttributeDefinition;
import io.gatehouse.scim.core.schema.ResourceSchema;
import io.gatehouse.scim.core.schema.ScimSchemas;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Normalises Group bodies of POST and PUT. Members are split off because a group may have tens of
 * thousands of them and the app stores them as rows, never inside the group document.
 *
 * <p>Entra creates groups with the extra schema URI
 * {@code http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group} and a client
 * {@code meta}; both are tolerated and dropped like every other unknown or readOnly input.
 */
public final class GroupResources {

    private static final ResourceSchema TYPE = ScimSchemas.GROUP_RESOURCE;
    private static final AttributeDefinition MEMBERS = ScimSchemas.GROUP.attribute("members").orElseThrow();

    private GroupResources() {
    }

    public static NormalizedGroup normalize(JsonNode body) {
        return normalize(body, null, null);
    }

    /** As {@link #normalize(JsonNode)}, then carries over the server-owned {@code id} and {@code meta} (either may be null). */
    public static NormalizedGroup normalize(JsonNode body, JsonNode id, JsonNode meta) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("A Group must be a JSON object");
        }
        List<String> memberIds = null;
        for (Map.Entry<String, JsonNode> property : body.properties()) {
            boolean isMembers = TYPE.resolve(property.getKey())
                    .filter(ref -> ref.attribute().equals(MEMBERS) && !ref.hasSubAttribute()).isPresent();
            if (isMembers && !property.getValue().isNull()) {
                memberIds = memberIds(property.getValue(), "members");
            }
        }
        ResourceContent content = new ResourceContent(TYPE).readBody(body, ref -> ref.attribute().equals(MEMBERS));
        JsonNode displayName = content.get(ScimSchemas.GROUP, "displayName").orElse(null);
        if (displayName == null || displayName.stringValue().isBlank()) {
            throw ScimException.invalidValue("Attribute 'displayName' is required and must not be blank");
        }
        return new NormalizedGroup(content.render(id, meta), memberIds);
    }

    /**
     * Member ids of a {@code members} value: an array (or a single item) of {@code {"value": id}}
     * objects, where {@code $ref}, {@code type} and {@code display} are ignored, or of bare id
     * strings. Duplicates are dropped, order is kept.
     */
    public static List<String> memberIds(JsonNode value, String label) {
        if (AttributeValues.isUnassigned(value)) {
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(items::add);
        } else {
            items.add(value);
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String itemLabel = label + "[" + i + "]";
            JsonNode id = item;
            if (item.isObject()) {
                id = null;
                itemLabel = itemLabel + ".value";
                for (Map.Entry<String, JsonNode> entry : item.properties()) {
                    if (entry.getKey().equalsIgnoreCase("value")) {
                        id = entry.getValue();
                    }
                }
            }
            if (id == null || !id.isString() || id.stringValue().isBlank()) {
                throw ScimException.invalidValue("Attribute '" + itemLabel + "' must be a non-empty member id string"
                        + (id == null ? " but was missing" : " but was " + AttributeValues.describe(id)));
            }
            ids.add(id.stringValue().trim());
        }
        return new ArrayList<>(ids);
    }
}
