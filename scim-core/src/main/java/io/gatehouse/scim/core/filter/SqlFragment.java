package io.gatehouse.scim.core.filter;

import java.util.List;

/**
 * A SQL boolean expression plus the values for its {@code ?} placeholders, in order. The text
 * only ever contains column names from a {@link FilterMapping} allow-list and SQL keywords;
 * every value taken from the request is one of {@link #params()} (String, Boolean,
 * java.util.UUID or java.time.OffsetDateTime), so it can be bound with
 * {@code PreparedStatement.setObject}. The text is self-contained (wrapped in parentheses when
 * it combines terms), so callers can safely write {@code WHERE u.company_id = ? AND <sql>}.
 */
public record SqlFragment(String sql, List<Object> params, boolean atMostOneRow) {

    public SqlFragment {
        params = List.copyOf(params);
    }

    public SqlFragment(String sql, List<Object> params) {
        this(sql, params, false);
    }
}
