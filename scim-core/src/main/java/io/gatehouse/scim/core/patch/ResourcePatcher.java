package io.gatehouse.scim.core.patch;

import com.unboundid.scim2.common.filters.Filter;
import io.gatehouse.scim.core.ScimException;
import io.gatehouse.scim.core.patch.PatchOperation.Op;
import io.gatehouse.scim.core.resource.AttributeValues;
import io.gatehouse.scim.core.resource.ValueFilters;
import io.gatehouse.scim.core.schema.AttributeDefinition;
import io.gatehouse.scim.core.schema.AttributeRef;
import io.gatehouse.scim.core.schema.ResourceSchema;
import io.gatehouse.scim.core.schema.SchemaDefinition;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies add/replace/remove (RFC 7644 sections 3.5.2.1-3.5.2.3) to a working copy of a resource
 * in stored form. Values go through {@link AttributeValues} so PATCH accepts exactly what POST does.
 * Resource-specific rules (group members, ignored attributes) stay with the callers.
 */
final class ResourcePatcher {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ResourceSchema type;
    private final ObjectNode working;

    ResourcePatcher(ResourceSchema type, ObjectNode working) {
        this.type = type;
        this.working = working;
    }

    /**
     * add/replace without a path: the value is an object of attributes whose keys may be plain,
     * dotted ({@code name.givenName}) or URN-qualified, or an extension URN holding an object; this is
     * how Entra batches replaces with the aadOptscim062020 flag. readOnly keys (Okta Group Push sends
     * the {@code id} back) and unknown keys are skipped, as in a POST body. {@code intercept} gets
     * first refusal on every key.
     */
    void applyWithoutPath(Op op, JsonNode value, BiPredicate<AttributeRef, JsonNode> intercept) {
        if (value == null || !value.isObject()) {
            throw ScimException.invalidValue("An operation without a path needs an object of attributes as its"
                    + " value (RFC 7644 section 3.5.2.1), not " + (value == null ? "nothing" : AttributeValues.describe(value)));
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            String key = entry.getKey();
            if (key.equalsIgnoreCase("schemas")) {
                continue;
            }
            Optional<SchemaDefinition> schema = type.schema(key);
            if (schema.isEmpty()) {
                type.resolve(key).ifPresent(ref -> applyKey(op, ref, entry.getValue(), intercept));
                continue;
            }
            JsonNode inner = entry.getValue();
            if (inner.isNull()) {
                continue;
            }
            if (!inner.isObject()) {
                throw AttributeValues.typeError(key, "an object", inner);
            }
            for (Map.Entry<String, JsonNode> attribute : inner.properties()) {
                type.resolveIn(schema.get(), attribute.getKey())
                        .ifPresent(ref -> applyKey(op, ref, attribute.getValue(), intercept));
            }
        }
    }

    private void applyKey(Op op, AttributeRef ref, JsonNode value, BiPredicate<AttributeRef, JsonNode> intercept) {
        if (!intercept.test(ref, value) && !isReadOnly(ref)) {
            apply(op, PatchPath.of(ref), value);
        }
    }

    void apply(Op op, PatchPath path, JsonNode value) {
        if (path.wholeSchema() != null) {
            if (op == Op.REMOVE || (op == Op.REPLACE && (value == null || value.isNull()))) {
                working.remove(path.wholeSchema().id());
            } else {
                applyWithoutPath(op, JSON.objectNode().set(path.wholeSchema().id(), value), (r, v) -> false);
            }
            return;
        }
        AttributeRef ref = path.ref();
        if (isReadOnly(ref)) {
            // RFC 7644 section 3.5.2: a client MUST NOT modify a readOnly attribute.
            throw ScimException.mutability("Attribute '" + ref.canonicalName() + "' is readOnly");
        }
        if (op == Op.REMOVE) {
            remove(ref, path.filter(), value);
        } else if (value == null || value.isNull()) {
            if (op == Op.REPLACE) {
                remove(ref, path.filter(), null); // null means unassigned (RFC 7643 section 2.5)
            }
        } else if (!ref.attribute().multiValued()) {
            setSingle(ref, value, path.text());
        } else {
            setMulti(op, ref, path.filter(), value, path.text());
        }
    }

    /** Single-valued: complex values merge, so sub-attributes not given stay (RFC 7644 section 3.5.2.3). */
    private void setSingle(AttributeRef ref, JsonNode value, String label) {
        AttributeDefinition attribute = ref.attribute();
        JsonNode existing = current(ref);
        JsonNode raw = value;
        if (attribute.isComplex() && (ref.hasSubAttribute() || value.isObject())) {
            ObjectNode merged = existing instanceof ObjectNode o ? o.deepCopy() : JSON.objectNode();
            if (ref.hasSubAttribute()) {
                merged.set(ref.subAttribute().name(), value);
            } else {
                value.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
            }
            raw = merged;
            label = ref.hasSubAttribute() ? ref.attribute().name() : label;
        }
        store(ref, AttributeValues.coerce(attribute, raw, label));
    }

    private void setMulti(Op op, AttributeRef ref, Filter filter, JsonNode value, String label) {
        AttributeDefinition attribute = ref.attribute();
        AttributeDefinition sub = ref.subAttribute();
        ArrayNode elements = currentElements(ref);
        Set<JsonNode> written = Collections.newSetFromMap(new IdentityHashMap<>());
        // Sub-attribute names get appended by the coercion, so messages name e.g. emails[type eq "work"].primary.
        String elementLabel = label.contains("]") ? label.substring(0, label.lastIndexOf(']') + 1) : attribute.name();
        if (filter == null && sub == null) {
            JsonNode incoming = AttributeValues.coerce(attribute,
                    value.isObject() ? JSON.arrayNode().add(value) : value, label);
            if (op == Op.REPLACE) {
                elements.removeAll();
            }
            for (JsonNode element : incoming == null ? JSON.arrayNode() : incoming) {
                written.add(MultiValues.addUnlessPresent(elements, element)); // RFC 7644 section 3.5.2.1: no duplicates
            }
        } else {
            List<Integer> targets = MultiValues.matching(elements, attribute, filter);
            if (targets.isEmpty()) {
                // Entra expects add/replace on e.g. emails[type eq "work"].value to create the value.
                ObjectNode created = filter == null ? JSON.objectNode() : ValueFilters.describedElement(filter, attribute);
                if (created == null) {
                    throw ScimException.noTarget("Path '" + label + "' matches no value and its filter does not"
                            + " describe one to create");
                }
                JsonNode element = withValue(attribute, created, sub, value, elementLabel);
                if (element != null) {
                    elements.add(element);
                    written.add(element);
                }
            }
            for (int i : targets) {
                JsonNode base = op == Op.REPLACE && sub == null ? JSON.objectNode() : elements.get(i);
                JsonNode element = withValue(attribute, base, sub, value, elementLabel);
                elements.set(i, element == null ? JSON.nullNode() : element);
                written.add(elements.get(i));
            }
        }
        MultiValues.clearOtherPrimaries(elements, written);
        store(ref, AttributeValues.coerce(attribute, elements, attribute.name()));
    }

    /** {@code base} updated with {@code value}: as the sub-attribute when there is one, else merged in. */
    private static JsonNode withValue(AttributeDefinition attribute, JsonNode base, AttributeDefinition sub,
                                      JsonNode value, String label) {
        if (!attribute.isComplex()) {
            return AttributeValues.coerceElement(attribute, value, label);
        }
        ObjectNode merged = ((ObjectNode) base).deepCopy();
        if (sub != null) {
            merged.set(sub.name(), value);
        } else {
            JsonNode incoming = AttributeValues.coerceElement(attribute, value, label);
            if (incoming != null) {
                merged.setAll((ObjectNode) incoming);
            }
        }
        return AttributeValues.coerceElement(attribute, merged, label);
    }

    private void remove(AttributeRef ref, Filter filter, JsonNode value) {
        AttributeDefinition attribute = ref.attribute();
        JsonNode existing = current(ref);
        if (existing == null) {
            return; // removing what is not there succeeds, so that client retries are harmless
        }
        if (!attribute.multiValued()) {
            JsonNode remaining = null;
            if (ref.hasSubAttribute()) {
                remaining = ((ObjectNode) existing).deepCopy().without(ref.subAttribute().name());
            }
            store(ref, AttributeValues.coerce(attribute, remaining, attribute.name()));
            return;
        }
        ArrayNode elements = currentElements(ref);
        if (filter == null && !ref.hasSubAttribute() && value != null && !value.isNull()) {
            MultiValues.removeListed(attribute, elements, value, ref.canonicalName());
        } else if (filter == null && !ref.hasSubAttribute()) {
            elements.removeAll(); // RFC 7644 section 3.5.2.2: no filter removes all values
        } else {
            List<Integer> targets = MultiValues.matching(elements, attribute, filter);
            for (int t = targets.size() - 1; t >= 0; t--) {
                int i = targets.get(t);
                if (ref.hasSubAttribute()) {
                    ((ObjectNode) elements.get(i)).remove(ref.subAttribute().name());
                } else {
                    elements.remove(i);
                }
            }
        }
        store(ref, AttributeValues.coerce(attribute, elements, attribute.name()));
    }

    private static boolean isReadOnly(AttributeRef ref) {
        return ref.attribute().isReadOnly() || (ref.hasSubAttribute() && ref.subAttribute().isReadOnly());
    }

    private JsonNode current(AttributeRef ref) {
        ObjectNode container = container(ref, false);
        return container == null ? null : container.get(ref.attribute().name());
    }

    private ArrayNode currentElements(AttributeRef ref) {
        JsonNode existing = current(ref);
        return existing instanceof ArrayNode array ? array.deepCopy() : JSON.arrayNode();
    }

    private ObjectNode container(AttributeRef ref, boolean create) {
        if (!ref.extension()) {
            return working;
        }
        JsonNode node = working.get(ref.schema().id());
        if (node instanceof ObjectNode object) {
            return object;
        }
        return create ? working.putObject(ref.schema().id()) : null;
    }

    private void store(AttributeRef ref, JsonNode value) {
        if (value != null) {
            container(ref, true).set(ref.attribute().name(), value);
            return;
        }
        ObjectNode container = container(ref, false);
        if (container != null) {
            container.remove(ref.attribute().name());
            if (ref.extension() && container.isEmpty()) {
                working.remove(ref.schema().id());
            }
        }
    }
}
