package io.gatehouse.scim.core.resource;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import io.gatehouse.scim.core.ScimException;
import io.gatehouse.scim.core.schema.AttributeDefinition;
import io.gatehouse.scim.core.schema.AttributeRef;
import io.gatehouse.scim.core.schema.ResourceSchema;
import io.gatehouse.scim.core.schema.SchemaDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One name of an {@code attributes} or {@code excludedAttributes} parameter: a whole schema (attribute null), an
 * attribute, or one sub-attribute of it, optionally with a value filter in brackets
 * ({@code emails[type eq "work"]}, {@code emails[type eq "work"].value}). The RFC's grammar has no filter there
 * (RFC 7644 section 3.4.2.5), but clients that reuse their PATCH paths send one; it is honoured rather than
 * ignored, and a filter that cannot be evaluated is {@code invalidFilter}.
 */
record AttributeSelector(SchemaDefinition schema, AttributeDefinition attribute, AttributeDefinition sub,
                         Filter filter) {

    /** Bounds the parser's recursion on parentheses, as {@code PatchPath} does for PATCH paths. */
    private static final int MAX_NESTING = 32;

    /** The names of a parameter; unknown plain names are ignored (as they always were), a bad filter is not. */
    static List<AttributeSelector> parseAll(ResourceSchema type, String parameter) {
        List<AttributeSelector> selectors = new ArrayList<>();
        if (parameter == null) {
            return selectors;
        }
        for (String raw : names(parameter)) {
            String name = raw.trim();
            if (name.indexOf('[') >= 0) {
                selectors.add(valueFiltered(type, name));
                continue;
            }
            Optional<SchemaDefinition> schema = type.schema(name);
            if (schema.isPresent()) {
                selectors.add(new AttributeSelector(schema.get(), null, null, null));
                continue;
            }
            type.resolve(name).ifPresent(ref -> selectors.add(
                    new AttributeSelector(ref.schema(), ref.attribute(), ref.subAttribute(), null)));
        }
        return selectors;
    }

    /** Splits at commas outside brackets (a filter may compare with a string holding a comma or a bracket). */
    private static List<String> names(String parameter) {
        List<String> names = new ArrayList<>();
        int start = 0;
        int brackets = 0;
        int parentheses = 0;
        boolean quoted = false;
        for (int i = 0; i < parameter.length(); i++) {
            char c = parameter.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (brackets > 0 && c == '"') {
                quoted = true;
            } else if (c == '[' && ++brackets > 1) {
                throw invalid(parameter, "value filters cannot be nested");
            } else if (c == ']' && --brackets < 0) {
                throw invalid(parameter, "a ']' closes no '['");
            } else if (c == '(' && ++parentheses > MAX_NESTING) {
                throw invalid(parameter, "parentheses nest deeper than " + MAX_NESTING);
            } else if (c == ')') {
                parentheses--;
            } else if (c == ',' && brackets == 0) {
                names.add(parameter.substring(start, i));
                start = i + 1;
            }
        }
        if (quoted || brackets != 0) {
            throw invalid(parameter, "a bracket or quote is not closed");
        }
        names.add(parameter.substring(start));
        return names;
    }

    private static AttributeSelector valueFiltered(ResourceSchema type, String name) {
        Path path;
        try {
            path = Path.fromString(name);
        } catch (BadRequestException | RuntimeException e) {
            throw invalid(name, e.getMessage());
        }
        Path.Element first = path.size() == 0 ? null : path.getElement(0);
        Path.Element second = path.size() == 2 ? path.getElement(1) : null;
        if (first == null || path.size() > 2 || first.getValueFilter() == null
                || (second != null && second.getValueFilter() != null)) {
            throw invalid(name, "expected attribute[filter] or attribute[filter].subAttribute");
        }
        String attributeName = first.getAttribute() + (second == null ? "" : "." + second.getAttribute());
        Optional<AttributeRef> ref = path.getSchemaUrn() == null ? type.resolve(attributeName)
                : type.schema(path.getSchemaUrn()).flatMap(schema -> type.resolveIn(schema, attributeName));
        AttributeRef resolved = ref.filter(r -> r.attribute().multiValued()).orElseThrow(() -> invalid(name,
                "a value filter needs a multi-valued attribute of " + type.name() + " resources"));
        Filter filter = first.getValueFilter();
        Path operand = ValueFilters.invalidOperand(filter, resolved.attribute());
        if (operand != null) {
            throw invalid(name, "'" + operand + "' is not a sub-attribute of '" + resolved.attribute().name() + "'");
        }
        return new AttributeSelector(resolved.schema(), resolved.attribute(), resolved.subAttribute(), filter);
    }

    private static ScimException invalid(String name, String why) {
        String shown = name.length() <= 200 ? name : name.substring(0, 200) + "...";
        return ScimException.invalidFilter("Attribute selection '" + shown + "' has an invalid value filter: " + why);
    }

    /** Whether this selector names {@code attribute} of {@code schema} (not the whole schema). */
    boolean names(SchemaDefinition schema, AttributeDefinition attribute) {
        return this.schema.id().equals(schema.id()) && attribute.equals(this.attribute);
    }

    /** Whether {@code element}, one value of the attribute, is selected: always without a filter. */
    boolean selects(JsonNode element) {
        return filter == null || ValueFilters.matches(filter, attribute, element);
    }
}
