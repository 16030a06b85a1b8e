package io.gatehouse.scim.core.resource;

import io.gatehouse.scim.core.ScimException;
import io.gatehouse.scim.core.schema.AttributeDefinition;
import io.gatehouse.scim.core.schema.AttributeType;
import io.gatehouse.scim.core.schema.UserSchema;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Coerces a client-sent JSON value to the stored form of one attribute, shared by POST/PUT
 * normalisation and PATCH so that both accept exactly the same inputs.
 *
 * <p>Returns {@code null} for "unassigned": JSON null, {@code []} and {@code {}} are equivalent to
 * an absent attribute (RFC 7643 section 2.5). Wrong JSON types raise {@code invalidValue} (RFC 7644
 * section 3.12) naming the attribute. Tolerated client quirks, all documented for Microsoft Entra:
 * booleans sent as the strings "True"/"False" in any case (its {@code Switch()} mapping of
 * {@code active}, and {@code primary} in roles); a multi-valued complex attribute sent as a
 * JSON-encoded string (app role assignments); the enterprise {@code manager} sent as an object, a
 * bare id, or a one-element array, and cleared by {@code ""} or {@code {"value":""}}.
 */
public final class AttributeValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final AttributeDefinition MANAGER = UserSchema.ENTERPRISE.attribute("manager").orElseThrow();

    private AttributeValues() {
    }

    public static boolean isUnassigned(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode()
                || (value.isContainer() && value.isEmpty());
    }

    /** The stored form of {@code value} for {@code attribute}, or null when it leaves the attribute unassigned. */
    public static JsonNode coerce(AttributeDefinition attribute, JsonNode value, String label) {
        if (!attribute.multiValued()) {
            return coerceSingle(attribute, value, label);
        }
        JsonNode array = value;
        if (value != null && value.isString() && attribute.isComplex()) {
            array = parseEmbeddedJson(value.stringValue(), label);
            if (array != null && array.isObject()) {
                array = JSON.arrayNode().add(array);
            }
        }
        if (isUnassigned(array)) {
            return null;
        }
        if (!array.isArray()) {
            throw typeError(label, "an array", array);
        }
        ArrayNode out = JSON.arrayNode();
        int primaries = 0;
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = coerceElement(attribute, array.get(i), label + "[" + i + "]");
            if (element != null) {
                out.add(element);
                primaries += element.path("primary").asBoolean(false) ? 1 : 0;
            }
        }
        if (primaries > 1) {
            // RFC 7643 section 2.4: the primary value "true" MUST appear no more than once.
            throw ScimException.invalidValue("Attribute '" + label + "' has more than one primary value");
        }
        return out.isEmpty() ? null : out;
    }

    /**
     * One value of a multi-valued attribute. A bare scalar given for a complex attribute that has a
     * {@code value} sub-attribute is read as {@code {"value": scalar}} (group members arrive that way).
     */
    public static JsonNode coerceElement(AttributeDefinition attribute, JsonNode element, String label) {
        if (attribute.isComplex() && element != null && element.isValueNode() && !element.isNull()
                && attribute.subAttribute("value").isPresent()) {
            return coerceSingle(attribute, JSON.objectNode().set("value", element), label);
        }
        return coerceSingle(attribute, element, label);
    }

    private static JsonNode coerceSingle(AttributeDefinition attribute, JsonNode value, String label) {
        if (attribute.equals(MANAGER)) {
            return manager(value, label);
        }
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (attribute.isComplex()) {
            return complex(attribute, value, label);
        }
        return simple(attribute, value, label);
    }

    private static JsonNode complex(AttributeDefinition attribute, JsonNode value, String label) {
        if (!value.isObject()) {
            throw typeError(label, "an object", value);
        }
        ObjectNode out = JSON.objectNode();
        for (AttributeDefinition sub : attribute.subAttributes()) {
            if (sub.isReadOnly()) {
                continue; // readOnly values are the server's to set (RFC 7643 section 2.2)
            }
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                if (sub.hasName(entry.getKey())) {
                    JsonNode coerced = coerceSingle(sub, entry.getValue(), label + "." + sub.name());
                    if (coerced != null) {
                        out.set(sub.name(), coerced);
                    } else {
                        out.remove(sub.name());
                    }
                }
            }
        }
        return out.isEmpty() ? null : out;
    }

    /** Simple (non-complex) attribute value; public so value-filter comparisons can coerce their operands. */
    public static JsonNode simple(AttributeDefinition attribute, JsonNode value, String label) {
        AttributeType type = attribute.type();
        if (type.isStringLike()) {
            if (!value.isString()) {
                throw typeError(label, "a string", value);
            }
            return value;
        }
        return switch (type) {
            case BOOLEAN -> booleanValue(value, label);
            case INTEGER -> {
                if (!value.isIntegralNumber()) {
                    throw typeError(label, "an integer", value);
                }
                yield value;
            }
            case DECIMAL -> {
                if (!value.isNumber()) {
                    throw typeError(label, "a number", value);
                }
                yield value;
            }
            default -> throw new IllegalStateException("unhandled type " + type);
        };
    }

    private static JsonNode booleanValue(JsonNode value, String label) {
        if (value.isBoolean()) {
            return value;
        }
        if (value.isString()) {
            String text = value.stringValue().trim();
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return JSON.booleanNode(Boolean.parseBoolean(text.toLowerCase(Locale.ROOT)));
            }
        }
        throw typeError(label, "a boolean", value);
    }

    /** Stored as {"value": id}; the id is not looked up (Entra may send a manager it has not provisioned yet). */
    private static JsonNode manager(JsonNode value, String label) {
        JsonNode candidate = value;
        if (candidate != null && candidate.isArray()) {
            if (candidate.size() > 1) {
                throw ScimException.invalidValue("Attribute '" + label + "' takes a single manager");
            }
            candidate = candidate.isEmpty() ? null : candidate.get(0);
        }
        if (candidate != null && candidate.isObject()) {
            JsonNode id = null;
            for (Map.Entry<String, JsonNode> entry : candidate.properties()) {
                if (entry.getKey().equalsIgnoreCase("value")) {
                    id = entry.getValue();
                }
            }
            candidate = id;
            label = label + ".value";
        }
        if (candidate == null || candidate.isNull() || candidate.isMissingNode()) {
            return null;
        }
        if (!candidate.isString()) {
            throw typeError(label, "a string id", candidate);
        }
        String id = candidate.stringValue().trim();
        return id.isEmpty() ? null : JSON.objectNode().put("value", id);
    }

    private static JsonNode parseEmbeddedJson(String text, String label) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (!trimmed.startsWith("[") && !trimmed.startsWith("{")) {
            throw ScimException.invalidValue("Attribute '" + label + "' must be an array but was a string");
        }
        try {
            return MAPPER.readTree(trimmed);
        } catch (JacksonException e) {
            throw ScimException.invalidValue("Attribute '" + label + "' is a string that is not valid JSON");
        }
    }

    public static ScimException typeError(String label, String expected, JsonNode actual) {
        return ScimException.invalidValue(
                "Attribute '" + label + "' must be " + expected + " but was " + describe(actual));
    }

    public static String describe(JsonNode node) {
        if (node.isString()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        return node.isNull() ? "null" : node.getNodeType().toString().toLowerCase(Locale.ROOT);
    }
}
