package io.gatehouse.directory;

import io.gatehouse.tenancy.CompanyId;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/** A stored user: the normalized SCIM resource (without id/meta/groups) and its bookkeeping. */
public record UserRecord(
        UUID id, CompanyId company, ObjectNode resource, Source source, long version, Instant created,
        Instant lastModified) {

    public String userName() {
        return resource.path("userName").asString();
    }

    public boolean active() {
        return resource.path("active").asBoolean(true);
    }

    /** The primary email address, else the first one; null when the user has none. */
    public String primaryEmail() {
        String first = null;
        for (var e : resource.path("emails")) {
            var v = e.path("value");
            String value = v.isString() && !v.asString().isEmpty() ? v.asString() : null;
            if (value != null && e.path("primary").asBoolean(false)) {
                return value;
            }
            first = first == null ? value : first;
        }
        return first;
    }

    /** displayName, else the formatted or composed name, else the userName: what people call this user. */
    public String displayName() {
        var r = resource;
        String display = r.path("displayName").asString("");
        if (!display.isBlank()) {
            return display;
        }
        var name = r.path("name");
        String formatted = name.path("formatted").asString("");
        if (!formatted.isBlank()) {
            return formatted;
        }
        String composed = (name.path("givenName").asString("") + " " + name.path("familyName").asString("")).trim();
        return composed.isEmpty() ? userName() : composed;
    }
}
