package io.gatehouse.scim;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The ListResponse message (RFC 7644 section 3.4.2). */
final class ListResponses {

    private ListResponses() {}

    /** A page of a listing, with {@code nextCursor} when cursor pagination is in use (RFC 9865). */
    static ObjectNode page(ScimJson json, long total, int offset, ArrayNode resources, String nextCursor) {
        ObjectNode out = of(json, total, offset, resources);
        if (nextCursor != null) {
            out.put("nextCursor", nextCursor);
        }
        return out;
    }

    static ObjectNode of(ScimJson json, long total, int offset, ArrayNode resources) {
        ObjectNode out = json.object();
        out.putArray("schemas").add(ScimJson.LIST_SCHEMA);
        out.put("totalResults", total);
        out.put("itemsPerPage", resources.size());
        out.put("startIndex", offset + 1);
        out.set("Resources", resources);
        return out;
    }
}
