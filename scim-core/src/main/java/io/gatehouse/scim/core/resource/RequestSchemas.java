package io.gatehouse.scim.core.resource;

import io.gatehouse.scim.core.ScimException;
import io.gatehouse.scim.core.schema.ResourceSchema;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The {@code schemas} of a request body (RFC 7643 section 3: REQUIRED, the URIs of the schemas the body is in). A
 * User or Group sent to POST or PUT must name its resource's core schema; other URNs beside it are tolerated
 * (Entra sends a malformed enterprise URN and its own ADSCIM group URI). A missing {@code schemas}, or one naming
 * only another resource's schema, is refused as {@code invalidSyntax}: RFC 7644 section 3.12 defines it as a body
 * that "did not conform to the request schema", which is what {@code schemas} declares, and it is what a PATCH
 * without the PatchOp URN gets ({@code patch.PatchRequest}) — one rule for every request envelope.
 */
public final class RequestSchemas {

    private RequestSchemas() {
    }

    /** @throws ScimException 400 invalidSyntax when {@code body}'s schemas do not name {@code type}'s core schema */
    public static void require(JsonNode body, ResourceSchema type) {
        String core = type.core().id();
        if (!lists(body, core)) {
            throw ScimException.invalidSyntax("A " + type.name() + " must have \"schemas\" naming \"" + core + "\"");
        }
    }

    /** True when {@code body}'s {@code schemas} (in any letter case) is an array holding {@code urn}. */
    public static boolean lists(JsonNode body, String urn) {
        JsonNode schemas = member(body, "schemas");
        if (schemas == null || !schemas.isArray()) {
            return false;
        }
        for (JsonNode listed : schemas) {
            if (listed.isString() && listed.stringValue().trim().equalsIgnoreCase(urn)) {
                return true;
            }
        }
        return false;
    }

    /** The member named {@code name} in any letter case; the last one wins if a client repeats it. */
    public static JsonNode member(JsonNode object, String name) {
        JsonNode found = null;
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                found = entry.getValue();
            }
        }
        return found;
    }
}
