package io.gatehouse.events;

import io.gatehouse.tenancy.CompanyId;
import java.time.Instant;

/**
 * An event with its place in the feed. {@link #publicId} ({@code evt_<id>}) is stable: the events API's {@code id}
 * and every webhook attempt's {@code webhook-id}, by which a consumer deduplicates.
 */
public record PublishedEvent(long id, long position, CompanyId company, String type, Instant occurredAt,
                             String payload) {

    public String publicId() {
        return "evt_" + id;
    }
}
