package io.gatehouse.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The {@code after=} and {@code limit=} parameters of a listing in creation order, validated (400 problems naming
 * the parameter): where the page starts (null: at the beginning) and how many rows it has.
 */
record ApiPaging(Instant afterCreatedAt, UUID afterId, int limit) {

    static ApiPaging of(String after, String limit) {
        int size = ApiPage.limit(limit);
        Optional<ApiCursor> from = ApiCursor.decode(after);
        return new ApiPaging(from.map(ApiCursor::createdAt).orElse(null), from.map(ApiCursor::id).orElse(null), size);
    }

    /** How many rows to read: one more than the page, to know whether there is a next one. */
    int fetch() {
        return limit + 1;
    }

    <R, T> ApiPage<T> page(List<R> rows, Function<R, T> view, Function<R, ApiCursor> position) {
        return ApiPage.of(rows, limit, view, position);
    }
}
