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
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code attributes} and {@code excludedAttributes} query parameters (RFC 7644 section
 * 3.4.2.5; RFC 7644 section 3.9 for the per-resource form). Names are comma-separated and may be
 * plain, dotted ({@code name.givenName}), URN-qualified or a whole extension URN; matching ignores
 * case and unknown names are ignored. {@code schemas} and attributes with {@code returned: always}
 * ({@code id}) are kept whatever is asked; {@code returned: never} attributes are never output.
 * When both parameters are given the inclusion list is applied first, then the exclusions.
 *
 * <p>A name may carry a value filter ({@link AttributeSelector}): {@code attributes=emails[type eq "work"]}
 * returns {@code emails} with only the matching values, {@code excludedAttributes=emails[type eq "home"]} leaves
 * the matching values out; with a sub-attribute ({@code emails[type eq "work"].value}) the selection applies to
 * that sub-attribute of the matching values only.
 */
public final class AttributeSelection {

    private final ResourceSchema type;
    private final List<AttributeSelector> include; // null: no "attributes" parameter
    private final List<AttributeSelector> exclude;

    private AttributeSelection(ResourceSchema type, List<AttributeSelector> include, List<AttributeSelector> exclude) {
        this.type = type;
        this.include = include;
        this.exclude = exclude;
    }

    public static AttributeSelection of(ResourceSchema type, String attributes, String excludedAttributes) {
        boolean hasInclude = attributes != null && !attributes.isBlank();
        return new AttributeSelection(type, hasInclude ? AttributeSelector.parseAll(type, attributes) : null,
                AttributeSelector.parseAll(type, excludedAttributes));
    }

    public static ObjectNode apply(ResourceSchema type, ObjectNode resource, String attributes,
                                   String excludedAttributes) {
        return of(type, attributes, excludedAttributes).apply(resource);
    }

    /** False when group members would not be output, so the app can skip loading (possibly 50,000) members. */
    public static boolean wantsMembers(String attributes, String excludedAttributes) {
        AttributeSelection selection = of(ScimSchemas.GROUP_RESOURCE, attributes, excludedAttributes);
        AttributeDefinition members = ScimSchemas.GROUP.attribute("members").orElseThrow();
        return selection.wants(ScimSchemas.GROUP, members);
    }

    /** False when {@code attribute} would not be output at all, so the app need not load it. */
    public boolean wants(SchemaDefinition schema, AttributeDefinition attribute) {
        return decide(schema, attribute) != Decision.DROP;
    }

    /** Whether values of {@code attribute} are selected one by one, by a value filter of either parameter. */
    public boolean filtersValuesOf(SchemaDefinition schema, AttributeDefinition attribute) {
        return !filtered(include == null ? List.of() : include, schema, attribute).isEmpty()
                || !filtered(exclude, schema, attribute).isEmpty();
    }

    /**
     * One value of a multi-valued attribute as {@link #apply} would output it inside the attribute, or null when
     * it would be left out; lets a writer stream values one at a time with the same result.
     */
    public JsonNode selectValue(SchemaDefinition schema, AttributeDefinition attribute, JsonNode element) {
        JsonNode kept = keep(schema, attribute, resourceArray(element));
        return kept == null || kept.isEmpty() ? null : kept.get(0);
    }

    private static ArrayNode resourceArray(JsonNode element) {
        return JsonNodeFactory.instance.arrayNode().add(element);
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

    /** KEEP: whole; PROJECT: listed sub-attributes of every value; FILTER: the values a value filter selects. */
    private enum Decision { KEEP, DROP, PROJECT, FILTER }

    private JsonNode keep(SchemaDefinition schema, AttributeDefinition attribute, JsonNode value) {
        Decision decision = decide(schema, attribute);
        if (decision == Decision.DROP) {
            return null;
        }
        JsonNode result = value;
        if (filtersValuesOf(schema, attribute)) {
            result = eachValue(value, element -> selectElement(decision, schema, attribute, element));
        } else {
            if (decision == Decision.PROJECT) {
                List<String> wanted = subs(include, schema, attribute);
                result = mapElements(value, element -> element.retain(wanted));
            }
            List<String> unwanted = subs(exclude, schema, attribute);
            if (!unwanted.isEmpty()) {
                result = mapElements(result, element -> element.remove(unwanted));
            }
        }
        return result.isContainer() && result.isEmpty() ? null : result;
    }

    /**
     * One value of an attribute that a value filter selects from, with every filter evaluated on the stored value:
     * kept when an inclusion selects it (all are, without one naming the attribute) and no exclusion of the whole
     * value matches it; of it, the sub-attributes that the selecting inclusions list (all when one lists none),
     * less those that the matching exclusions list.
     */
    private JsonNode selectElement(Decision decision, SchemaDefinition schema, AttributeDefinition attribute,
                                   JsonNode element) {
        List<String> retained = null;
        if (decision != Decision.KEEP) {
            List<AttributeSelector> selecting = selecting(include, schema, attribute, element);
            if (selecting.isEmpty()) {
                return null;
            }
            if (selecting.stream().noneMatch(s -> s.sub() == null)) {
                retained = selecting.stream().map(s -> s.sub().name()).toList();
            }
        }
        List<AttributeSelector> excluding = selecting(exclude, schema, attribute, element);
        if (excluding.stream().anyMatch(s -> s.sub() == null)) {
            return null;
        }
        if (!element.isObject()) {
            return element;
        }
        ObjectNode out = ((ObjectNode) element).deepCopy();
        if (retained != null) {
            out.retain(retained);
        }
        return out.remove(excluding.stream().map(s -> s.sub().name()).toList());
    }

    private static List<AttributeSelector> selecting(List<AttributeSelector> selectors, SchemaDefinition schema,
                                                     AttributeDefinition attribute, JsonNode element) {
        return selectors.stream().filter(s -> s.names(schema, attribute) && s.selects(element)).toList();
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
        if (!filtered(include, schema, attribute).isEmpty()) {
            return Decision.FILTER;
        }
        return subs(include, schema, attribute).isEmpty() ? Decision.DROP : Decision.PROJECT;
    }

    private static boolean matchesWhole(List<AttributeSelector> selectors, SchemaDefinition schema,
                                        AttributeDefinition attribute) {
        return selectors.stream().anyMatch(s -> s.schema().id().equals(schema.id())
                && (s.attribute() == null || (s.names(schema, attribute) && s.sub() == null && s.filter() == null)));
    }

    /** Sub-attributes named without a value filter, so for every value. */
    private static List<String> subs(List<AttributeSelector> selectors, SchemaDefinition schema,
                                     AttributeDefinition attribute) {
        List<String> names = new ArrayList<>();
        for (AttributeSelector s : selectors) {
            if (s.names(schema, attribute) && s.sub() != null && s.filter() == null) {
                names.add(s.sub().name());
            }
        }
        return names;
    }

    private static List<AttributeSelector> filtered(List<AttributeSelector> selectors, SchemaDefinition schema,
                                                    AttributeDefinition attribute) {
        return selectors.stream().filter(s -> s.names(schema, attribute) && s.filter() != null).toList();
    }

    /** A new array of what {@code edit} makes of each value (null or an empty object: left out). */
    private static JsonNode eachValue(JsonNode value, UnaryOperator<JsonNode> edit) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode element : value.isArray() ? value : List.of(value)) {
            JsonNode edited = edit.apply(element);
            if (edited != null && !(edited.isContainer() && edited.isEmpty())) {
                out.add(edited);
            }
        }
        return out;
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
}
