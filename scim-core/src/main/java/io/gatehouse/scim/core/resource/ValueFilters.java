package io.gatehouse.scim.core.resource;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import io.gatehouse.scim.core.ScimException;
import io.gatehouse.scim.core.schema.AttributeDefinition;
import io.gatehouse.scim.core.schema.AttributeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Evaluates a value filter (the part in brackets of a PATCH path or of an {@code attributes} name) against
 * one value of a multi-valued attribute. String comparison honours the sub-attribute's caseExact (RFC 7644
 * section 3.4.2.2), so {@code type eq "work"} matches a stored {@code "Work"}; boolean operands may
 * be the strings "True"/"False", which is how Entra writes {@code roles[primary eq "True"]}.
 */
public final class ValueFilters {

    private ValueFilters() {
    }

    public static boolean matches(Filter filter, AttributeDefinition attribute, JsonNode element) {
        return switch (filter.getFilterType()) {
            case AND -> filter.getCombinedFilters().stream().allMatch(f -> matches(f, attribute, element));
            case OR -> filter.getCombinedFilters().stream().anyMatch(f -> matches(f, attribute, element));
            case NOT -> !matches(filter.getInvertedFilter(), attribute, element);
            case PRESENT -> !AttributeValues.isUnassigned(operand(filter, attribute, element));
            default -> compare(filter, subAttribute(filter, attribute), operand(filter, attribute, element));
        };
    }

    /**
     * The value a filter describes, used to create the element when add/replace on a value path
     * matches nothing (Entra's {@code emails[type eq "work"].value} on a user without a work email):
     * {@code eq} terms, possibly joined by {@code and}. Null when the filter does not pin values down.
     */
    public static ObjectNode describedElement(Filter filter, AttributeDefinition attribute) {
        if (!attribute.isComplex()) {
            return null;
        }
        if (filter.getFilterType() == FilterType.EQUAL) {
            AttributeDefinition sub = subAttribute(filter, attribute);
            JsonNode value = AttributeValues.simple(sub, filter.getComparisonValue(),
                    attribute.name() + "." + sub.name());
            return JsonNodeFactory.instance.objectNode().set(sub.name(), value);
        }
        if (filter.getFilterType() == FilterType.AND) {
            ObjectNode merged = JsonNodeFactory.instance.objectNode();
            for (Filter part : filter.getCombinedFilters()) {
                ObjectNode described = describedElement(part, attribute);
                if (described == null) {
                    return null;
                }
                for (String name : described.propertyNames()) {
                    if (merged.has(name) && !merged.get(name).equals(described.get(name))) {
                        return null;
                    }
                }
                merged.setAll(described);
            }
            return merged;
        }
        return null;
    }

    /**
     * Ids selected by a {@code members} filter, which must be {@code value eq "id"} terms joined by
     * {@code or}: the member list is never loaded (groups can hold 50,000 members), so only filters
     * that name ids outright can be honoured. Anything else is invalidFilter (RFC 7644 section 3.12:
     * "filter comparison combination is not supported").
     */
    public static List<String> equalityValues(Filter filter, String subAttribute) {
        List<String> values = new ArrayList<>();
        collectEqualityValues(filter, subAttribute, values);
        return values;
    }

    private static void collectEqualityValues(Filter filter, String subAttribute, List<String> values) {
        if (filter.getFilterType() == FilterType.OR) {
            filter.getCombinedFilters().forEach(f -> collectEqualityValues(f, subAttribute, values));
            return;
        }
        if (filter.getFilterType() == FilterType.EQUAL
                && filter.getAttributePath().getElement(0).getAttribute().equalsIgnoreCase(subAttribute)
                && filter.getComparisonValue() != null && filter.getComparisonValue().isString()) {
            values.add(filter.getComparisonValue().stringValue());
            return;
        }
        throw ScimException.invalidFilter("Only '" + subAttribute + " eq \"...\"' terms joined by 'or' can select"
                + " group members, not '" + filter + "'");
    }

    /**
     * The first operand of {@code filter} that is not a plain sub-attribute of {@code attribute} ({@code value}
     * for a multi-valued simple attribute), or null when every term can be evaluated by {@link #matches}.
     */
    public static Path invalidOperand(Filter filter, AttributeDefinition attribute) {
        if (filter.isCombiningFilter()) {
            for (Filter part : filter.getCombinedFilters()) {
                Path invalid = invalidOperand(part, attribute);
                if (invalid != null) {
                    return invalid;
                }
            }
            return null;
        }
        if (filter.isNotFilter()) {
            return invalidOperand(filter.getInvertedFilter(), attribute);
        }
        Path operand = filter.getAttributePath();
        boolean valid = !filter.isComplexValueFilter() && operand != null && operand.getSchemaUrn() == null
                && operand.size() == 1 && operand.getElement(0).getValueFilter() == null
                && (attribute.isComplex()
                ? attribute.subAttribute(operand.getElement(0).getAttribute()).isPresent()
                : operand.getElement(0).getAttribute().equalsIgnoreCase("value"));
        return valid ? null : operand;
    }

    private static AttributeDefinition subAttribute(Filter filter, AttributeDefinition attribute) {
        String name = filter.getAttributePath().getElement(0).getAttribute();
        return attribute.isComplex() ? attribute.subAttribute(name).orElseThrow() : attribute;
    }

    private static JsonNode operand(Filter filter, AttributeDefinition attribute, JsonNode element) {
        if (!attribute.isComplex()) {
            return element;
        }
        return element.get(subAttribute(filter, attribute).name());
    }

    private static boolean compare(Filter filter, AttributeDefinition sub, JsonNode actual) {
        FilterType type = filter.getFilterType();
        JsonNode expected = filter.getComparisonValue();
        if (AttributeValues.isUnassigned(actual) || expected == null || expected.isNull()) {
            boolean bothNull = AttributeValues.isUnassigned(actual) && (expected == null || expected.isNull());
            return type == FilterType.EQUAL ? bothNull : type == FilterType.NOT_EQUAL && !bothNull;
        }
        if (sub.type() == AttributeType.BOOLEAN) {
            Boolean want = bool(expected);
            Boolean have = bool(actual);
            boolean equal = want != null && want.equals(have);
            return type == FilterType.EQUAL ? equal : type == FilterType.NOT_EQUAL && !equal;
        }
        if (actual.isNumber() && expected.isNumber()) {
            return ordered(type, actual.decimalValue().compareTo(expected.decimalValue()));
        }
        if (!actual.isString() || !expected.isString()) {
            return type == FilterType.NOT_EQUAL;
        }
        String have = sub.caseExact() ? actual.stringValue() : actual.stringValue().toLowerCase(Locale.ROOT);
        String want = sub.caseExact() ? expected.stringValue() : expected.stringValue().toLowerCase(Locale.ROOT);
        return switch (type) {
            case CONTAINS -> have.contains(want);
            case STARTS_WITH -> have.startsWith(want);
            case ENDS_WITH -> have.endsWith(want);
            default -> ordered(type, have.compareTo(want));
        };
    }

    private static boolean ordered(FilterType type, int comparison) {
        return switch (type) {
            case EQUAL -> comparison == 0;
            case NOT_EQUAL -> comparison != 0;
            case GREATER_THAN -> comparison > 0;
            case GREATER_OR_EQUAL -> comparison >= 0;
            case LESS_THAN -> comparison < 0;
            case LESS_OR_EQUAL -> comparison <= 0;
            default -> false; // co/sw/ew on numbers are not meaningful
        };
    }

    private static Boolean bool(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isString() && (node.stringValue().equalsIgnoreCase("true") || node.stringValue().equalsIgnoreCase("false"))) {
            return Boolean.valueOf(node.stringValue().toLowerCase(Locale.ROOT));
        }
        return null;
    }
}
