package io.gatehouse.directory;

import io.gatehouse.tenancy.CompanyId;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/** A stored group without its members (they live in group_member and are streamed only when asked for). */
public record GroupRecord(
        UUID id, CompanyId company, ObjectNode resource, Source source, long version, Instant created,
        Instant lastModified) {

    public String displayName() {
        return resource.path("displayName").asString();
    }
}
