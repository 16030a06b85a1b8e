package io.gatehouse.scim.core.patch;

import io.gatehouse.scim.core.ScimException;
import io.gatehouse.scim.core.resource.ResourceContent;
import io.gatehouse.scim.core.resource.UserResources;
import io.gatehouse.scim.core.schema.ResourceSchema;
import io.gatehouse.scim.core.schema.ScimSchemas;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * PATCH for Users (RFC 7644 section 3.5.2). Operations are applied in order to a copy; the request
 * is atomic ("all or none", RFC 7644 section 3.5.2), so the first failure throws and the caller
 * keeps the stored user. The result is re-normalised exactly like a PUT body, keeping the stored
 * {@code id} and {@code meta}, so a patched user satisfies the same rules as a created one.
 */
public final class UserPatch {

    private static final ResourceSchema TYPE = ScimSchemas.USER_RESOURCE;

    private UserPatch() {
    }

    /** @return a new user; {@code storedUser} is not modified */
    public static ObjectNode apply(ObjectNode storedUser, JsonNode patchRequestBody) {
        Objects.requireNonNull(storedUser, "storedUser");
        List<PatchOperation> operations = PatchRequest.parse(patchRequestBody);
        ObjectNode working = new ResourceContent(TYPE).readBody(storedUser, ref -> false).render(null, null);
        ResourcePatcher patcher = new ResourcePatcher(TYPE, working);
        for (PatchOperation operation : operations) {
            try {
                apply(patcher, operation);
            } catch (ScimException e) {
                throw new ScimException(e.status(), e.scimType(), operation.label() + ": " + e.detail());
            }
        }
        return UserResources.normalize(working, storedUser.get("id"), storedUser.get("meta"));
    }

    private static void apply(ResourcePatcher patcher, PatchOperation operation) {
        if (operation.path() == null) {
            if (operation.op() == PatchOperation.Op.REMOVE) {
                // RFC 7644 section 3.5.2.2: remove without a path fails with noTarget.
                throw ScimException.noTarget("remove requires a path");
            }
            patcher.applyWithoutPath(operation.op(), operation.value(), (ref, value) -> false);
            return;
        }
        if (isPassword(operation.path())) {
            return; // credentials are not stored (single sign-on); see UserSchema
        }
        patcher.apply(operation.op(), PatchPath.parse(operation.path(), TYPE), operation.value());
    }

    private static boolean isPassword(String path) {
        return path.equalsIgnoreCase("password") || path.equalsIgnoreCase(TYPE.core().id() + ":password");
    }
}
