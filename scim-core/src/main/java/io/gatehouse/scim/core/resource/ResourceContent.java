package io.gatehouse.scim.core.resource;

import io.gatehouse.scim.core.ScimException;
import io.gatehouse.scim.core.schema.AttributeDefinition;
import io.gatehouse.scim.core.schema.AttributeRef;
import io.gatehouse.scim.core.schema.ResourceSchema;
import io.gatehouse.scim.core.schema.SchemaDefinition;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Collects attribute values of one resource under their canonical names and renders the stored
 * representation: {@code schemas} listing the core URN plus each extension that has a value (RFC
 * 7643 section 3), core attributes at the top level in schema order, and extension attributes in an
 * object named by the extension URN (RFC 7643 section 3.3). Client-sent {@code schemas} values are
 * never copied, so malformed or foreign URNs such as Entra's ADSCIM group URI simply disappear.
 */
public final class ResourceContent {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ResourceSchema type;
    private final Map<String, Map<String, JsonNode>> valuesBySchema = new HashMap<>();

    public ResourceContent(ResourceSchema type) {
        this.type = type;
    }

    /**
     * Reads every property of a resource body: plain, dotted or URN-qualified attribute names, and
     * extension objects keyed by their URN. Unknown names are skipped (RFC 7644 section 3.3: the
     * server "is free to alter and/or ignore POSTed content"); {@code skip} names are left to the caller.
     */
    public ResourceContent readBody(JsonNode body, Predicate<AttributeRef> skip) {
        for (Map.Entry<String, JsonNode> property : body.properties()) {
            String name = property.getKey();
            if (name.equalsIgnoreCase("schemas")) {
                continue;
            }
            Optional<SchemaDefinition> schema = type.schema(name);
            if (schema.isPresent()) {
                JsonNode inner = property.getValue();
                if (inner == null || inner.isNull()) {
                    continue;
                }
                if (!inner.isObject()) {
                    throw AttributeValues.typeError(name, "an object", inner);
                }
                for (Map.Entry<String, JsonNode> attribute : inner.properties()) {
                    type.resolveIn(schema.get(), attribute.getKey())
                            .filter(ref -> !skip.test(ref))
                            .ifPresent(ref -> put(ref, attribute.getValue()));
                }
                continue;
            }
            type.resolve(name).filter(ref -> !skip.test(ref)).ifPresent(ref -> put(ref, property.getValue()));
        }
        return this;
    }

    /** Sets one attribute (or one sub-attribute of a single-valued complex attribute); readOnly ones are ignored. */
    public void put(AttributeRef ref, JsonNode raw) {
        AttributeDefinition attribute = ref.attribute();
        if (attribute.isReadOnly() || (ref.hasSubAttribute() && ref.subAttribute().isReadOnly())) {
            return;
        }
        Map<String, JsonNode> values = valuesBySchema.computeIfAbsent(ref.schema().id(), k -> new LinkedHashMap<>());
        JsonNode value = raw;
        if (ref.hasSubAttribute()) {
            if (attribute.multiValued()) {
                throw ScimException.invalidValue("Attribute '" + ref.canonicalName()
                        + "' names a sub-attribute of a multi-valued attribute; send the whole '"
                        + attribute.name() + "' array");
            }
            JsonNode existing = values.get(attribute.name());
            ObjectNode merged = existing != null && existing.isObject() ? ((ObjectNode) existing).deepCopy()
                    : JSON.objectNode();
            value = merged.set(ref.subAttribute().name(), raw);
        }
        JsonNode coerced = AttributeValues.coerce(attribute, value, ref.canonicalName());
        if (coerced == null) {
            values.remove(attribute.name());
        } else {
            values.put(attribute.name(), coerced);
        }
    }

    public Optional<JsonNode> get(SchemaDefinition schema, String attributeName) {
        return Optional.ofNullable(valuesBySchema.getOrDefault(schema.id(), Map.of()).get(attributeName));
    }

    /** The stored representation, with the server-owned {@code id} and {@code meta} when given (may be null). */
    public ObjectNode render(JsonNode id, JsonNode meta) {
        ObjectNode out = JSON.objectNode();
        ArrayNode schemas = out.putArray("schemas");
        schemas.add(type.core().id());
        if (id != null && !id.isNull()) {
            out.set("id", id.deepCopy());
        }
        copyInOrder(type.core(), out);
        for (SchemaDefinition extension : type.extensions()) {
            ObjectNode extensionNode = JSON.objectNode();
            copyInOrder(extension, extensionNode);
            if (!extensionNode.isEmpty()) {
                schemas.add(extension.id());
                out.set(extension.id(), extensionNode);
            }
        }
        if (meta != null && !meta.isNull()) {
            out.set("meta", meta.deepCopy()); // a copy, so the caller's input never changes through the output
        }
        return out;
    }

    private void copyInOrder(SchemaDefinition schema, ObjectNode target) {
        Map<String, JsonNode> values = valuesBySchema.getOrDefault(schema.id(), Map.of());
        for (AttributeDefinition attribute : schema.attributes()) {
            JsonNode value = values.get(attribute.name());
            if (value != null) {
                target.set(attribute.name(), value);
            }
        }
    }
}
