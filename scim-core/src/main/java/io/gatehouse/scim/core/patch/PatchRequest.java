package io.gatehouse.scim.core.patch;

import io.gatehouse.scim.core.ScimException;
import io.gatehouse.scim.core.resource.RequestSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Parses and checks the envelope of a PATCH body (RFC 7644 section 3.5.2): a "schemas" array that
 * contains the PatchOp URN and a non-empty "Operations" array. Member names and op values are
 * matched without regard to case, because Entra sends {@code "op":"Replace"} and RFC 7643 section
 * 2.1 makes attribute names case-insensitive.
 */
public final class PatchRequest {

    public static final String PATCH_OP_URN = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    /** Upper bound on operations in one request; the app also bounds the body size. */
    public static final int MAX_OPERATIONS = 1_000;

    private PatchRequest() {
    }

    public static List<PatchOperation> parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("A PATCH body must be a JSON object");
        }
        if (!RequestSchemas.lists(body, PATCH_OP_URN)) {
            throw ScimException.invalidSyntax("A PATCH body must have \"schemas\": [\"" + PATCH_OP_URN + "\"]");
        }
        JsonNode operations = member(body, "Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw ScimException.invalidSyntax("A PATCH body must have a non-empty \"Operations\" array");
        }
        if (operations.size() > MAX_OPERATIONS) {
            throw ScimException.invalidValue("A PATCH request may hold at most " + MAX_OPERATIONS
                    + " operations but this one has " + operations.size());
        }
        List<PatchOperation> parsed = new ArrayList<>(operations.size());
        for (int i = 0; i < operations.size(); i++) {
            parsed.add(operation(i, operations.get(i)));
        }
        return parsed;
    }

    private static PatchOperation operation(int index, JsonNode node) {
        String label = "Operations[" + index + "]";
        if (!node.isObject()) {
            throw ScimException.invalidSyntax(label + " must be a JSON object");
        }
        JsonNode op = member(node, "op");
        if (op == null || !op.isString()) {
            throw ScimException.invalidSyntax(label + " must have an \"op\" string");
        }
        PatchOperation.Op kind = switch (op.stringValue().trim().toLowerCase(Locale.ROOT)) {
            case "add" -> PatchOperation.Op.ADD;
            case "replace" -> PatchOperation.Op.REPLACE;
            case "remove" -> PatchOperation.Op.REMOVE;
            default -> throw ScimException.invalidSyntax(label + ".op '" + op.stringValue()
                    + "' is not one of add, replace, remove");
        };
        JsonNode path = member(node, "path");
        String pathText = null;
        if (path != null && !path.isNull()) {
            if (!path.isString()) {
                throw ScimException.invalidPath(label + ".path must be a string");
            }
            pathText = path.stringValue().isBlank() ? null : path.stringValue().trim();
        }
        JsonNode value = member(node, "value");
        if (value == null && kind != PatchOperation.Op.REMOVE) {
            // RFC 7644 sections 3.5.2.1 and 3.5.2.3: add and replace MUST carry a value.
            throw ScimException.invalidSyntax(label + " (" + kind.name().toLowerCase(Locale.ROOT)
                    + ") must have a \"value\"");
        }
        return new PatchOperation(index, kind, pathText, value);
    }

    /** The member named {@code name} in any letter case; the last one wins if a client repeats it. */
    static JsonNode member(JsonNode object, String name) {
        return RequestSchemas.member(object, name);
    }
}
