package io.gatehouse.scim.core.filter;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.AndFilter;
import com.unboundid.scim2.common.filters.EqualFilter;
import com.unboundid.scim2.common.filters.Filter;
import io.gatehouse.scim.core.ScimException;
import java.util.Objects;

/**
 * Compiles a SCIM filter (RFC 7644 section 3.4.2.2) into a parameterised SQL predicate over one
 * resource table, and a {@code sortBy} attribute (section 3.4.2.3) into an ORDER BY expression.
 *
 * <p>Parsing is delegated to Ping Identity's UnboundID SCIM 2 SDK
 * ({@code com.unboundid.scim2.common.filters.Filter.fromString}) rather than a home-grown
 * grammar: it is a maintained, spec-tracking implementation of the filter ABNF (precedence,
 * value paths, URN-qualified paths, JSON literals). This class only adds what the parser does
 * not do: input limits and Entra's unquoted values ({@link FilterText}), and the translation of
 * the parsed tree to SQL against an allow-list ({@link SqlTranslation}, {@link FilterMapping}).
 * Every parse failure, whatever the parser throws, becomes {@code 400 invalidFilter}.
 *
 * <p>Thread-safe and stateless apart from the immutable mapping; one instance per resource type.
 */
public final class SqlFilterCompiler {

    private static final int MAX_SORT_BY_LENGTH = 512;

    private final FilterMapping mapping;

    public SqlFilterCompiler(FilterMapping mapping) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
    }

    /**
     * Predicate over the resource's main table alias; never null.
     *
     * @throws ScimException 400 {@code invalidFilter} for any malformed, unsupported or too
     *                       large filter, naming the offending attribute where there is one
     */
    public SqlFragment compile(String filterText) {
        String text = FilterText.normalize(filterText);
        Filter simple = SimpleEquality.parse(text);
        Filter filter = simple != null ? simple : parse(text);
        SqlFragment fragment = new SqlTranslation(mapping).translate(filter);
        return new SqlFragment(fragment.sql(), fragment.params(), pinsUniqueKey(filter));
    }

    /** An {@code eq} on a unique attribute, alone or inside the top-level {@code and}. */
    private boolean pinsUniqueKey(Filter filter) {
        if (filter instanceof AndFilter and) {
            return and.getCombinedFilters().stream().anyMatch(this::pinsUniqueKey);
        }
        if (!(filter instanceof EqualFilter equal) || equal.getComparisonValue() == null
                || equal.getComparisonValue().isNull()) {
            return false;
        }
        Path path = equal.getAttributePath();
        StringBuilder key = new StringBuilder();
        for (Path.Element element : path) {
            if (element.getValueFilter() != null) {
                return false;
            }
            key.append(key.length() == 0 ? "" : ".").append(element.getAttribute());
        }
        return key.length() > 0 && mapping.find(path.getSchemaUrn(), key.toString())
                .map(mapping::isUnique).orElse(false);
    }

    /**
     * SQL expression for ORDER BY of a {@code sortBy} attribute. Only singular attributes are
     * sortable; case-insensitive strings sort by their lowercased value so that the order
     * agrees with how they are filtered. RFC 7644 section 3.4.2.3 names no error for an unknown
     * or multi-valued sortBy, so this throws 400 {@code invalidValue}.
     */
    public String sortExpression(String sortBy) {
        if (sortBy == null || sortBy.isBlank() || sortBy.length() > MAX_SORT_BY_LENGTH) {
            throw ScimException.invalidValue("sortBy must name a singular attribute");
        }
        Path path;
        try {
            path = Path.fromString(sortBy.trim());
        } catch (Exception e) { // checked BadRequestException or any parser RuntimeException
            throw ScimException.invalidValue("sortBy is not a valid attribute path: " + sortBy);
        }
        StringBuilder key = new StringBuilder();
        for (Path.Element element : path) {
            if (element.getValueFilter() != null) {
                throw ScimException.invalidValue("sortBy must not contain a value filter: " + sortBy);
            }
            key.append(key.length() == 0 ? "" : ".").append(element.getAttribute());
        }
        FilterMapping.Attribute attribute = key.length() == 0 ? null
                : mapping.find(path.getSchemaUrn(), key.toString()).orElse(null);
        if (!(attribute instanceof FilterMapping.Singular singular)) {
            throw ScimException.invalidValue(attribute == null
                    ? "Unknown or unsupported sortBy attribute: " + sortBy
                    : "Sorting by a multi-valued attribute is not supported: " + sortBy);
        }
        return singular.column().compared(mapping.alias());
    }

    private static Filter parse(String text) {
        try {
            return Filter.fromString(text);
        } catch (com.unboundid.scim2.common.exceptions.ScimException e) {
            throw ScimException.invalidFilter("Invalid filter: " + firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            // The SDK also throws unchecked exceptions, e.g. ClassCastException for {"a":1} as a
            // comparison value. Still the client's fault; its message would only leak internals.
            throw ScimException.invalidFilter("Invalid filter syntax");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
