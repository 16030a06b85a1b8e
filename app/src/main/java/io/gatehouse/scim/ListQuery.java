package io.gatehouse.scim;

import io.gatehouse.scim.core.ScimException;
import jakarta.servlet.ServletRequest;
import java.time.Clock;

/**
 * A SCIM list request (RFC 7644 section 3.4.2): filter, sorting and either index pagination
 * (startIndex/count) or cursor pagination (RFC 9865). Out-of-range numbers are clamped as the RFC says.
 */
record ListQuery(String filter, int startIndex, int count, String sortBy, boolean descending,
                 String attributes, String excludedAttributes, String cursor) {

    /**
     * The list request's query parameters, read straight from the request: Spring MVC's binding of a record
     * argument resolved the constructor's parameter names and annotations by reflection on every request (~8 % of a
     * list request's CPU in a JFR profile of the Entra sync, see BENCHMARKS.md).
     */
    static ListQuery from(ServletRequest request, int defaultCount, int maxResults) {
        return of(request.getParameter("filter"), request.getParameter("startIndex"), request.getParameter("count"),
                request.getParameter("sortBy"), request.getParameter("sortOrder"), request.getParameter("attributes"),
                request.getParameter("excludedAttributes"), request.getParameter("cursor"), defaultCount, maxResults);
    }

    /** Zero-based offset of the page: from the cursor (bound to this query) or from startIndex. */
    int offset(String resourceType, Clock clock) {
        return cursor != null ? CursorCodec.decode(cursor, key(resourceType), clock) : startIndex - 1;
    }

    /** The cursor of the next page, or null when this is the last page or cursors are not in use. */
    String nextCursor(String resourceType, int offset, int returned, long total, Clock clock) {
        return cursor != null && offset + returned < total
                ? CursorCodec.encode(offset + returned, key(resourceType), clock) : null;
    }

    private String key(String resourceType) {
        return resourceType + "|" + filter + "|" + sortBy + "|" + descending;
    }

    private static ListQuery of(String filter, String startIndex, String count, String sortBy, String sortOrder,
                        String attributes, String excludedAttributes, String cursor, int defaultCount,
                        int maxResults) {
        int start = Math.max(1, parseInt(startIndex, 1, "startIndex"));
        int size = Math.min(maxResults, Math.max(0, parseInt(count, defaultCount, "count")));
        boolean descending = sortOrder != null && sortOrder.equalsIgnoreCase("descending");
        if (sortOrder != null && !descending && !sortOrder.equalsIgnoreCase("ascending")) {
            throw ScimException.invalidValue("sortOrder must be \"ascending\" or \"descending\".");
        }
        if (cursor != null && startIndex != null) {
            throw ScimException.invalidValue("Use either cursor or startIndex pagination, not both.");
        }
        return new ListQuery(blankToNull(filter), start, size, blankToNull(sortBy), descending,
                blankToNull(attributes), blankToNull(excludedAttributes), cursor);
    }

    private static int parseInt(String value, int fallback, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ScimException.invalidValue(name + " must be an integer, got \"" + value + "\".");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
