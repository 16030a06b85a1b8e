package io.gatehouse.scim.core.patch;

import tools.jackson.databind.JsonNode;

/**
 * One entry of a PatchOp "Operations" array (RFC 7644 section 3.5.2).
 *
 * @param index position in the request, used to point error details at the failing operation
 * @param path  the "path" member, or null when absent or blank
 * @param value the "value" member, or null when absent (a JSON null stays a NullNode)
 */
public record PatchOperation(int index, Op op, String path, JsonNode value) {

    public enum Op { ADD, REPLACE, REMOVE }

    /** Prefix for error details: {@code Operations[2]}. */
    public String label() {
        return "Operations[" + index + "]";
    }
}
