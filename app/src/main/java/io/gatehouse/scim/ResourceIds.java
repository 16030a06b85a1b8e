package io.gatehouse.scim;

import io.gatehouse.scim.core.ScimException;
import java.util.UUID;

/** SCIM ids are UUIDs here; anything else simply does not exist (never a 500, never a hint). */
final class ResourceIds {

    private ResourceIds() {}

    static UUID parse(String id, String type) {
        try {
            if (id != null && id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException ignored) {
            // fall through to 404
        }
        throw notFound(type, id);
    }

    static ScimException notFound(String type, String id) {
        return ScimException.notFound(type + " " + id + " not found.");
    }
}
