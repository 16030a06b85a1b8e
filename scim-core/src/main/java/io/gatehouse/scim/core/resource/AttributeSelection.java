package io.gatehouse.scim.core.resource;

import io.gatehouse.scim.core.schema.AttributeDefinition;
import io.gatehouse.scim.core.schema.ResourceSchema;
import io.gatehouse.scim.core.schema.Returned;
import io.gatehouse.scim.core.schema.SchemaDefinition;
import io.gatehouse.scim.core.schema.ScimSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code attributes} and {@code excludedAttributes} query parameters (RFC 7644 section
 * 3.4.2.5; RFC 7644 section 3.9 for the per-resource form). Names are comma-separated and may be
 * plain, dotted ({@code name.givenName}), URN-qualified or a whole extension URN; matching ignores
 * case and unknown names are ignored. {@code schemas} and attributes with {@code returned: always}
 * ({@code id}) are kept whatever is asked; {@code returned: never} attributes are never output.
 * When both parameters are given the inclusion list is applied first, then the exclusions.
 */
public final class AttributeSelection {

    /** One parsed name: a whole schema (attribute null), an attribute, or one sub-attribute of it. */
    private record Selector(SchemaDefinition schema, AttributeDefinition attribute, AttributeDefinition sub) {
    }

    private final ResourceSchema type;
    private final List<Selector> include; // null: no "attributes" parameter
    private final List<Selector> exclude;

    private AttributeSelection(ResourceSchema type, List<Selector> include, List<Selector> exclude) {
        this.type = type;
        this.include = include;
        this.exclude = exclude;
    }

    public static AttributeSelection of(ResourceSchema type, String attributes, String excludedAttributes) {
        boolean hasInclude = attributes != null && !attributes.isBlank();
        return new AttributeSelection(type, hasInclude ? parse(type, attributes) : null,
                parse(type, excludedAttributes));
    }

    public static ObjectNode apply(ResourceSchema type, ObjectNode resource, String attributes,
                                   String excludedAttributes) {
        return of(type, attributes, excludedAttributes).apply(resource);
    }

    /** False when group members would not be output, so the app can skip loading (possibly 50,000) members. */
    public static boolean wantsMembers(String attributes, String excludedAttributes) {
        AttributeSelection selection = of(ScimSchemas.GROUP_RESOURCE, attributes, excludedAttributes);
        AttributeDefinition members = ScimSchemas.GROUP.attribute("members").orElseThrow();
        return selection.decide(ScimSchemas.GROUP, members) != Decision.DROP;
    }

    /** A new node holding the selected attributes of {@code resource}; the input is not modified or shared. */
    public ObjectNode apply(ObjectNode resource) {
        ObjectNode out = resource.objectNode();
        for (Map.Entry<String, JsonNode> property : resource.deepCopy().properties()) {
            String name = property.getKey();
            JsonNode value = property.getValue();
            if (name.equals("schemas")) {
                out.set(name, value);
                continue;
            }
            Optional<SchemaDefinition> extension = type.extension(name);
            if (extension.isPresent() && value.isObject()) {
                ObjectNode selected = select(extension.get(), (ObjectNode) value);
                if (!selected.isEmpty()) {
                    out.set(name, selected);
                }
                continue;
            }
            Optional<AttributeDefinition> attribute = type.resolveIn(type.core(), name).map(r -> r.attribute());
            if (attribute.isEmpty()) {
                if (include == null) {
                    out.set(name, value); // not ours to judge
                }
                continue;
            }
            JsonNode kept = keep(type.core(), attribute.get(), value);
            if (kept != null) {
                out.set(name, kept);
            }
        }
        return out;
    }

    private ObjectNode select(SchemaDefinition schema, ObjectNode values) {
        ObjectNode out = values.objectNode();
        for (Map.Entry<String, JsonNode> property : values.properties()) {
            schema.attribute(property.getKey())
                    .map(attribute -> keep(schema, attribute, property.getValue()))
                    .ifPresent(kept -> out.set(property.getKey(), kept));
        }
        return out;
    }

    private enum Decision { KEEP, DROP, PROJECT }

    private JsonNode keep(SchemaDefinition schema, AttributeDefinition attribute, JsonNode value) {
        Decision decision = decide(schema, attribute);
        if (decision == Decision.DROP) {
            return null;
        }
        JsonNode result = value;
        if (decision == Decision.PROJECT) {
            List<String> wanted = subs(include, schema, attribute);
            result = mapElements(value, element -> element.retain(wanted));
        }
        List<String> unwanted = subs(exclude, schema, attribute);
        if (!unwanted.isEmpty()) {
            result = mapElements(result, element -> element.remove(unwanted));
        }
        return result.isContainer() && result.isEmpty() ? null : result;
    }

    private Decision decide(SchemaDefinition schema, AttributeDefinition attribute) {
        if (attribute.returned() == Returned.ALWAYS) {
            return Decision.KEEP;
        }
        if (attribute.returned() == Returned.NEVER || matchesWhole(exclude, schema, attribute)) {
            return Decision.DROP;
        }
        if (include == null) {
            return attribute.returned() == Returned.REQUEST ? Decision.DROP : Decision.KEEP;
        }
        if (matchesWhole(include, schema, attribute)) {
            return Decision.KEEP;
        }
        return subs(include, schema, attribute).isEmpty() ? Decision.DROP : Decision.PROJECT;
    }

    private static boolean matchesWhole(List<Selector> selectors, SchemaDefinition schema, AttributeDefinition attribute) {
        return selectors.stream().anyMatch(s -> s.schema().id().equals(schema.id())
                && (s.attribute() == null || (s.attribute().equals(attribute) && s.sub() == null)));
    }

    private static List<String> subs(List<Selector> selectors, SchemaDefinition schema, AttributeDefinition attribute) {
        List<String> names = new ArrayList<>();
        for (Selector s : selectors) {
            if (s.schema().id().equals(schema.id()) && attribute.equals(s.attribute()) && s.sub() != null) {
                names.add(s.sub().name());
            }
        }
        return names;
    }

    /** Applies {@code edit} to a copy of a complex value, or of every element of a multi-valued one. */
    private static JsonNode mapElements(JsonNode value, Consumer<ObjectNode> edit) {
        if (value.isObject()) {
            ObjectNode copy = ((ObjectNode) value).deepCopy();
            edit.accept(copy);
            return copy;
        }
        if (value.isArray()) {
            ArrayNode copy = ((ArrayNode) value).arrayNode();
            for (JsonNode element : value) {
                JsonNode edited = mapElements(element, edit);
                if (!(edited.isContainer() && edited.isEmpty())) {
                    copy.add(edited);
                }
            }
            return copy;
        }
        return value; // a simple attribute has no sub-attributes to select
    }

    private static List<Selector> parse(ResourceSchema type, String parameter) {
        List<Selector> selectors = new ArrayList<>();
        if (parameter == null) {
            return selectors;
        }
        for (String raw : parameter.split(",")) {
            String name = raw.trim();
            Optional<SchemaDefinition> schema = type.schema(name);
            if (schema.isPresent()) {
                selectors.add(new Selector(schema.get(), null, null));
                continue;
            }
            type.resolve(name).ifPresent(ref -> selectors.add(
                    new Selector(ref.schema(), ref.attribute(), ref.subAttribute())));
        }
        return selectors;
    }
}
