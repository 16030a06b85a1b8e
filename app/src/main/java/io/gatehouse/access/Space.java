package io.gatehouse.access;

import io.gatehouse.tenancy.CompanyId;
import java.time.Instant;
import java.util.UUID;

/** A shared area of a company. Archived Spaces are kept (with their grants) but shown to nobody. */
public record Space(UUID id, CompanyId company, String name, Instant archivedAt, Instant createdAt) {

    public boolean archived() {
        return archivedAt != null;
    }
}
