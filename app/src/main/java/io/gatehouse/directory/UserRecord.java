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
}
