package io.gatehouse.api;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a product API listing: {@code {"data": […], "nextCursor": "…"}}; {@code nextCursor} is null on the
 * last page, otherwise the {@code after=} value of the next one.
 */
public record ApiPage<T>(List<T> data, String nextCursor) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    /** The {@code limit=} parameter: 1 to {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} when absent. */
    public static int limit(String raw) {
        if (raw == null || raw.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.invalidParameter("limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ".");
    }

    /**
     * The page from rows fetched with {@code limit + 1}: the extra row only says that there is a next page,
     * whose cursor is the position of the page's last row.
     */
    public static <R, T> ApiPage<T> of(List<R> rows, int limit, Function<R, T> view, Function<R, ApiCursor> position) {
        boolean more = rows.size() > limit;
        List<R> page = more ? rows.subList(0, limit) : rows;
        return new ApiPage<>(page.stream().map(view).toList(),
                more ? position.apply(page.get(page.size() - 1)).encode() : null);
    }
}
