package io.gatehouse.scim.core.resource;

import io.gatehouse.scim.core.ScimException;
import io.gatehouse.scim.core.schema.AttributeRef;
import io.gatehouse.scim.core.schema.ResourceSchema;
import io.gatehouse.scim.core.schema.ScimSchemas;
import io.gatehouse.scim.core.schema.UserSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Normalises User bodies of POST and PUT (RFC 7644 sections 3.3 and 3.5.1) into the stored
 * representation described in {@link ResourceContent}.
 *
 * <p>What is dropped rather than rejected, because Entra sends it in ordinary create requests:
 * client-sent {@code id}, {@code meta} and {@code groups} (readOnly, RFC 7643 section 2.2),
 * {@code password} (never stored), JSON nulls and empty arrays such as {@code "roles": []}
 * (unassigned, RFC 7643 section 2.5), unknown attributes and unknown or malformed schema URNs.
 */
public final class UserResources {

    private static final ResourceSchema TYPE = ScimSchemas.USER_RESOURCE;
    private static final AttributeRef ACTIVE = TYPE.resolve("active").orElseThrow();

    private UserResources() {
    }

    /** @throws ScimException invalidSyntax for a non-object body, invalidValue for a missing userName or a mistyped value */
    public static ObjectNode normalize(JsonNode body) {
        return normalize(body, null, null);
    }

    /** As {@link #normalize(JsonNode)}, then carries over the server-owned {@code id} and {@code meta} (either may be null). */
    public static ObjectNode normalize(JsonNode body, JsonNode id, JsonNode meta) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("A User must be a JSON object");
        }
        ResourceContent content = new ResourceContent(TYPE).readBody(body, ref -> false);
        JsonNode userName = content.get(UserSchema.CORE, "userName").orElse(null);
        if (userName == null || userName.stringValue().isBlank()) {
            throw ScimException.invalidValue("Attribute 'userName' is required and must not be blank");
        }
        if (content.get(UserSchema.CORE, "active").isEmpty()) {
            // Unassigned means enabled: the Entra validator creates users with just userName and schemas.
            // The same rule applies after a PATCH that removes active.
            content.put(ACTIVE, BooleanNode.TRUE);
        }
        return content.render(id, meta);
    }
}
