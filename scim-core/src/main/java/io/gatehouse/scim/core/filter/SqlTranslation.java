package io.gatehouse.scim.core.filter;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import io.gatehouse.scim.core.ScimException;
import io.gatehouse.scim.core.filter.FilterMapping.Attribute;
import io.gatehouse.scim.core.filter.FilterMapping.MultiValued;
import io.gatehouse.scim.core.filter.FilterMapping.Singular;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One translation of a parsed filter tree to SQL (single use: collects the bind parameters and
 * numbers the subquery aliases). Walks the tree by {@link FilterType} instead of implementing
 * the SDK's FilterVisitor, whose methods all throw the SDK's checked exception.
 *
 * <p>Null semantics: SQL's three-valued logic would make {@code NOT (col = ?)} drop rows where
 * col is NULL, but {@code not (X)} must be the exact complement of X and {@code ne} must match
 * rows without the attribute (RFC 7644 section 3.4.2.2, RFC 7643 section 2.5: null means
 * unassigned). So below a NOT every atom on a nullable column is made two-valued
 * ({@code (col IS NOT NULL AND col = ?)}); {@code ne} is always {@code (col IS NULL OR col <> ?)};
 * EXISTS is two-valued by nature. Outside NOT, UNKNOWN already behaves like FALSE.
 */
final class SqlTranslation {

    static final int MAX_TERMS = 50;

    private static final Map<FilterType, String> SQL_OPERATORS = new EnumMap<>(Map.of(
            FilterType.EQUAL, "= ?",
            FilterType.GREATER_THAN, "> ?",
            FilterType.GREATER_OR_EQUAL, ">= ?",
            FilterType.LESS_THAN, "< ?",
            FilterType.LESS_OR_EQUAL, "<= ?",
            // A backslash literal is '\' on PostgreSQL (standard_conforming_strings) and on H2.
            FilterType.CONTAINS, "LIKE ? ESCAPE '\\'",
            FilterType.STARTS_WITH, "LIKE ? ESCAPE '\\'",
            FilterType.ENDS_WITH, "LIKE ? ESCAPE '\\'"));

    /** SQL text; {@code grouped} when already enclosed in parentheses. */
    private record Sql(String text, boolean grouped) {
        static final Sql TRUE = new Sql("1=1", false);
        static final Sql FALSE = new Sql("1=0", false);

        Sql negate() {
            if (equals(TRUE) || equals(FALSE)) {
                return equals(TRUE) ? FALSE : TRUE;
            }
            return new Sql(grouped || text.startsWith("EXISTS (") ? "NOT " + text : "NOT (" + text + ")", false);
        }
    }

    /** What an attribute path in the current scope points at; {@code name} is for messages. */
    private sealed interface Target permits ColumnRef, ChildRef {
        String name();
    }

    private record ColumnRef(String alias, Column column, String name) implements Target {
    }

    /** A multi-valued attribute; {@code sub} null when the path names the attribute itself. */
    private record ChildRef(ChildTable table, Column sub, String name) implements Target {
    }

    private interface Scope {
        Target resolve(Path path);
    }

    private final FilterMapping mapping;
    private final List<Object> params = new ArrayList<>();
    private final Map<String, Integer> aliasUses = new HashMap<>();
    private final Scope mainScope = this::resolveMain;
    private int terms;

    SqlTranslation(FilterMapping mapping) {
        this.mapping = mapping;
    }

    SqlFragment translate(Filter filter) {
        return new SqlFragment(node(filter, mainScope, false).text(), params);
    }

    /** @param negated below a NOT: atoms on nullable columns must be two-valued. */
    private Sql node(Filter filter, Scope scope, boolean negated) {
        FilterType type = filter.getFilterType();
        switch (type) {
            case AND, OR -> {
                StringJoiner joined = new StringJoiner(type == FilterType.AND ? " AND " : " OR ", "(", ")");
                for (Filter part : filter.getCombinedFilters()) {
                    joined.add(node(part, scope, negated).text());
                }
                return new Sql(joined.toString(), true);
            }
            case NOT -> {
                return node(filter.getInvertedFilter(), scope, true).negate();
            }
            case COMPLEX_VALUE -> {
                return valuePath(filter, scope, negated);
            }
            case PRESENT -> {
                countTerm();
                return present(scope.resolve(filter.getAttributePath()));
            }
            default -> {
                countTerm();
                return comparison(type, scope.resolve(filter.getAttributePath()), filter.getComparisonValue(), negated);
            }
        }
    }

    /** {@code emails[...]} becomes one EXISTS so all conditions hold on the same row. */
    private Sql valuePath(Filter filter, Scope scope, boolean negated) {
        Path path = filter.getAttributePath();
        if (scope != mainScope) {
            // The ABNF's valFilter has no valuePath: brackets cannot nest (RFC 7644 section 3.4.2.2).
            throw ScimException.invalidFilter("Value filters cannot be nested: " + path);
        }
        String urn = path.getSchemaUrn();
        String name = dotted(path);
        Attribute attribute = mapping.find(urn, name).orElse(null);
        if (attribute instanceof MultiValued multi) {
            ChildTable table = multi.table();
            String alias = nextAlias(table);
            Scope rows = sub -> {
                Column column = sub.getSchemaUrn() != null || sub.size() != 1 ? null
                        : table.subAttribute(sub.getElement(0).getAttribute()).orElse(null);
                if (column == null) {
                    throw unknown(name + "." + sub);
                }
                return new ColumnRef(alias, column, name + "." + sub);
            };
            return exists(table, alias, node(filter.getValueFilter(), rows, false));
        }
        if (attribute == null && path.size() == 1 && mapping.isComplex(urn, name)) {
            // Singular complex attribute: name[givenName eq "x"] is just name.givenName eq "x".
            Scope complex = sub -> {
                Attribute inner = sub.getSchemaUrn() != null || sub.size() != 1 ? null
                        : mapping.find(urn, name + "." + sub.getElement(0).getAttribute()).orElse(null);
                if (!(inner instanceof Singular singular)) {
                    throw unknown(name + "." + sub);
                }
                return new ColumnRef(mapping.alias(), singular.column(), name + "." + sub);
            };
            return node(filter.getValueFilter(), complex, negated);
        }
        throw unknown(path.toString());
    }

    private Target resolveMain(Path path) {
        Attribute attribute = mapping.find(path.getSchemaUrn(), dotted(path)).orElse(null);
        if (attribute instanceof Singular singular) {
            return new ColumnRef(mapping.alias(), singular.column(), path.toString());
        }
        if (attribute instanceof MultiValued multi) {
            return new ChildRef(multi.table(), null, path.toString());
        }
        if (path.size() == 2) {
            Attribute parent = mapping.find(path.getSchemaUrn(), path.getElement(0).getAttribute()).orElse(null);
            if (parent instanceof MultiValued multi) {
                Column sub = multi.table().subAttribute(path.getElement(1).getAttribute())
                        .orElseThrow(() -> unknown(path.toString()));
                return new ChildRef(multi.table(), sub, path.toString());
            }
        }
        throw unknown(path.toString());
    }

    private Sql comparison(FilterType op, Target target, JsonNode value, boolean negated) {
        if (value == null || value.isNull()) {
            // Our choice for "eq null" (RFC 7643 section 2.5: null equals unassigned): not present.
            if (op == FilterType.EQUAL || op == FilterType.NOT_EQUAL) {
                Sql present = present(target);
                return op == FilterType.EQUAL ? present.negate() : present;
            }
            throw ScimException.invalidFilter("null can only be compared with eq or ne: " + target.name());
        }
        if (target instanceof ChildRef child) {
            Column column = child.sub() != null ? child.sub() : child.table().defaultColumn().orElseThrow(() ->
                    ScimException.invalidFilter(child.name() + " has no value; use a value filter like "
                            + child.name() + "[type eq \"work\"]"));
            String alias = nextAlias(child.table());
            if (op == FilterType.NOT_EQUAL) {
                // Multi-valued ne is the complement of eq: no value equals (also when none exist).
                return exists(child.table(), alias, compare(FilterType.EQUAL, alias, column, value, false, child.name()))
                        .negate();
            }
            return exists(child.table(), alias, compare(op, alias, column, value, false, child.name()));
        }
        ColumnRef ref = (ColumnRef) target;
        return compare(op, ref.alias(), ref.column(), value, negated, ref.name());
    }

    private Sql compare(FilterType op, String alias, Column column, JsonNode value, boolean negated, String name) {
        String col = column.ref(alias);
        switch (column.type()) {
            case BOOLEAN -> {
                requireEquality(op, "boolean", name);
                return bind(op, col, col, ValueParsing.toBoolean(value, name), column.nullable(), negated);
            }
            case DATETIME -> {
                if (op == FilterType.CONTAINS || op == FilterType.STARTS_WITH || op == FilterType.ENDS_WITH) {
                    throw unsupported(op, "dateTime", name);
                }
                return bind(op, col, col, ValueParsing.toDateTime(value, name), column.nullable(), negated);
            }
            case UUID -> {
                requireEquality(op, "id", name);
                UUID id = ValueParsing.toUuid(value);
                if (id == null) {
                    // Not an id we could have issued: no match, not an error (Entra's Test
                    // Connection and other clients look up random or garbage ids).
                    return op == FilterType.EQUAL ? Sql.FALSE : Sql.TRUE;
                }
                return bind(op, col, col, id, column.nullable(), negated);
            }
            default -> {
                String text = ValueParsing.toText(value, name);
                String v = column.lowercased() ? text.toLowerCase(Locale.ROOT) : text;
                Object param = switch (op) {
                    case CONTAINS -> "%" + ValueParsing.escapeLike(v) + "%";
                    case STARTS_WITH -> ValueParsing.escapeLike(v) + "%";
                    case ENDS_WITH -> "%" + ValueParsing.escapeLike(v);
                    default -> v;
                };
                return bind(op, column.comparedNullColumn(alias), column.compared(alias), param, column.nullable(),
                        negated);
            }
        }
    }

    /** @param ref the column whose NULL-ness counts; {@code expr} what is compared (may be LOWER(ref)). */
    private Sql bind(FilterType op, String ref, String expr, Object param, boolean nullable, boolean negated) {
        params.add(param);
        if (op == FilterType.NOT_EQUAL) {
            return nullable ? new Sql("(" + ref + " IS NULL OR " + expr + " <> ?)", true) : new Sql(expr + " <> ?", false);
        }
        String condition = expr + " " + SQL_OPERATORS.get(op);
        return nullable && negated
                ? new Sql("(" + ref + " IS NOT NULL AND " + condition + ")", true)
                : new Sql(condition, false);
    }

    /** RFC 7644 section 3.4.2.2 pr: has a non-empty value; for multi-valued: has any value. */
    private Sql present(Target target) {
        if (target instanceof ChildRef child) {
            String alias = nextAlias(child.table());
            return exists(child.table(), alias, child.sub() == null ? Sql.TRUE : columnPresent(alias, child.sub()));
        }
        ColumnRef ref = (ColumnRef) target;
        return columnPresent(ref.alias(), ref.column());
    }

    private static Sql columnPresent(String alias, Column column) {
        String col = column.ref(alias);
        if (column.type() == ValueType.STRING) {
            return column.nullable() ? new Sql("(" + col + " IS NOT NULL AND " + col + " <> '')", true)
                    : new Sql(col + " <> ''", false);
        }
        return column.nullable() ? new Sql(col + " IS NOT NULL", false) : Sql.TRUE;
    }

    private Sql exists(ChildTable table, String alias, Sql condition) {
        if (condition.equals(Sql.FALSE)) {
            return Sql.FALSE;
        }
        String where = table.correlate(alias, mapping.alias())
                + (condition.equals(Sql.TRUE) ? "" : " AND " + condition.text());
        return new Sql("EXISTS (SELECT 1 FROM " + table.table() + " " + alias + " WHERE " + where + ")", false);
    }

    /** First subquery on a table gets the plain alias (v, m), later ones v2, v3... */
    private String nextAlias(ChildTable table) {
        int uses = aliasUses.merge(table.alias(), 1, Integer::sum);
        return uses == 1 ? table.alias() : table.alias() + uses;
    }

    private void countTerm() {
        if (++terms > MAX_TERMS) {
            throw ScimException.invalidFilter("The filter has more than " + MAX_TERMS + " comparisons");
        }
    }

    private static String dotted(Path path) {
        StringJoiner joined = new StringJoiner(".");
        for (Path.Element element : path) {
            if (element.getValueFilter() != null) {
                throw unknown(path.toString());
            }
            joined.add(element.getAttribute());
        }
        if (joined.length() == 0) {
            throw unknown(path.toString());
        }
        return joined.toString();
    }

    private static void requireEquality(FilterType op, String kind, String name) {
        if (op != FilterType.EQUAL && op != FilterType.NOT_EQUAL) {
            throw unsupported(op, kind, name);
        }
    }

    private static ScimException unsupported(FilterType op, String kind, String name) {
        return ScimException.invalidFilter(
                "Operator " + op.getStringValue() + " is not supported for " + kind + " attribute " + name);
    }

    private static ScimException unknown(String name) {
        return ScimException.invalidFilter("Unknown or unsupported attribute in filter: " + name);
    }
}
