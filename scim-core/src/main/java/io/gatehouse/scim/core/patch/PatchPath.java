package io.gatehouse.scim.core.patch;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import io.gatehouse.scim.core.ScimException;
import io.gatehouse.scim.core.resource.ValueFilters;
import io.gatehouse.scim.core.schema.AttributeDefinition;
import io.gatehouse.scim.core.schema.AttributeRef;
import io.gatehouse.scim.core.schema.ResourceSchema;
import io.gatehouse.scim.core.schema.SchemaDefinition;
import java.util.Optional;

/**
 * A PATCH "path" (RFC 7644 section 3.5.2, figure 7) resolved against a resource type:
 * {@code attr}, {@code attr.sub}, {@code attr[filter]}, {@code attr[filter].sub}, each optionally
 * URN-qualified, or a bare extension URN designating the whole extension object.
 *
 * <p>Syntax is parsed by UnboundID scim2-sdk-common's {@link Path#fromString} (RFC-conformant,
 * including the value-filter grammar of RFC 7644 section 3.4.2.2) instead of a hand-written parser.
 * It is lenient in places, so the result is checked again here: balanced brackets, at most one
 * sub-attribute level, a filter only on a multi-valued attribute, and filter terms that name
 * sub-attributes of it. Every failure, including unknown attributes, is {@code invalidPath}.
 *
 * @param wholeSchema non-null when the path is just an extension URN; then ref and filter are null
 * @param ref         the attribute and optional sub-attribute
 * @param filter      the value filter inside brackets, or null
 */
public record PatchPath(String text, SchemaDefinition wholeSchema, AttributeRef ref, Filter filter) {

    /**
     * Real paths are short; the bounds keep filter parsing (whose cost grows faster than linearly
     * with the number of terms) and the recursive filter evaluation cheap whatever a client sends.
     */
    public static final int MAX_LENGTH = 16_384;
    public static final int MAX_NESTING = 32;

    public static PatchPath parse(String text, ResourceSchema type) {
        if (text.length() > MAX_LENGTH) {
            throw ScimException.invalidPath("Path is longer than " + MAX_LENGTH + " characters");
        }
        Optional<SchemaDefinition> schemaOnly = type.extension(text);
        if (schemaOnly.isPresent()) {
            return new PatchPath(text, schemaOnly.get(), null, null);
        }
        checkBrackets(text);
        Path path;
        try {
            path = Path.fromString(text);
        } catch (BadRequestException | RuntimeException e) {
            throw ScimException.invalidPath("Path '" + shown(text) + "' is not valid: " + e.getMessage());
        }
        if (path.size() < 1 || path.size() > 2) {
            throw ScimException.invalidPath("Path '" + shown(text) + "' must name an attribute or one sub-attribute of it");
        }
        Path.Element first = path.getElement(0);
        Path.Element second = path.size() == 2 ? path.getElement(1) : null;
        if (first.getAttribute().isEmpty() || (second != null
                && (second.getAttribute().isEmpty() || second.getValueFilter() != null))) {
            throw ScimException.invalidPath("Path '" + shown(text) + "' is not valid");
        }
        String name = first.getAttribute() + (second == null ? "" : "." + second.getAttribute());
        Optional<AttributeRef> ref;
        if (path.getSchemaUrn() != null) {
            SchemaDefinition schema = type.schema(path.getSchemaUrn()).orElseThrow(() -> ScimException.invalidPath(
                    "Path '" + shown(text) + "' names schema '" + path.getSchemaUrn() + "' which " + type.name()
                            + " resources do not have"));
            ref = type.resolveIn(schema, name);
        } else {
            ref = type.resolve(name);
        }
        AttributeRef resolved = ref.orElseThrow(() -> ScimException.invalidPath(
                "Path '" + shown(text) + "' names an attribute that " + type.name() + " resources do not have"));
        Filter filter = first.getValueFilter();
        if (filter != null) {
            if (!resolved.attribute().multiValued()) {
                throw ScimException.invalidPath("Path '" + shown(text) + "' filters '" + resolved.attribute().name()
                        + "', which is not multi-valued");
            }
            checkFilter(filter, resolved.attribute(), text);
        }
        return new PatchPath(text, null, resolved, filter);
    }

    /** A path-less operation's value key, already resolved, seen as a path without filter. */
    public static PatchPath of(AttributeRef ref) {
        return new PatchPath(ref.canonicalName(), null, ref, null);
    }

    /**
     * The parser accepts a missing closing bracket, so brackets outside quoted strings are counted
     * here, along with the nesting depth of parentheses.
     */
    private static void checkBrackets(String text) {
        int open = 0;
        int pairs = 0;
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '[') {
                open++;
            } else if (c == ']') {
                open--;
                pairs++;
            } else if (c == '(' && ++depth > MAX_NESTING) {
                throw ScimException.invalidPath("Path '" + shown(text) + "' nests parentheses deeper than " + MAX_NESTING);
            } else if (c == ')') {
                depth--;
            }
            if (open < 0 || open > 1) {
                break;
            }
        }
        if (quoted || open != 0 || pairs > 1) {
            throw ScimException.invalidPath("Path '" + shown(text) + "' has unbalanced brackets or quotes");
        }
    }

    private static void checkFilter(Filter filter, AttributeDefinition attribute, String text) {
        Path operand = ValueFilters.invalidOperand(filter, attribute);
        if (operand != null) {
            throw ScimException.invalidPath("Path '" + shown(text) + "' filters on '" + operand
                    + "', which is not a sub-attribute of '" + attribute.name() + "'");
        }
    }

    /** Echoes at most 200 characters of a path in error details. */
    private static String shown(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
