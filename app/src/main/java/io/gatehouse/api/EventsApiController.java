package io.gatehouse.api;

import io.gatehouse.application.ApplicationPrincipal;
import io.gatehouse.events.EventFeed;
import io.gatehouse.events.PublishedEvent;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/events?after=&limit=}: the directory change events of the companies the calling application
 * serves, in commit order (feed position), the same events its webhooks receive. Unlike the other listings,
 * {@code nextCursor} is never null: on the last page it is where to poll from next, so a consumer that keeps the
 * last cursor it got sees every event once, without gaps (docs/integration.md, "Directory events").
 */
@RestController
class EventsApiController {

    /** One event; {@code id} is also the {@code webhook-id} of its webhook deliveries. */
    record EventResource(String id, String type, String companyId, String occurredAt, JsonNode data) {}

    private final EventFeed feed;

    EventsApiController(EventFeed feed) {
        this.feed = feed;
    }

    @GetMapping("/api/v1/events")
    @Operation(summary = "Directory change events in commit order", description = """
            Events of the companies this application serves, oldest first, after=<nextCursor of the previous answer>
            (none: from the oldest retained event) and limit=1..1000 (default 100). nextCursor is never null: keep
            it and ask again later to receive what happened since.""")
    ApiPage<EventResource> list(ApplicationPrincipal caller, @RequestParam(required = false) String after,
                                @RequestParam(required = false) String limit) {
        int size = ApiPage.limit(limit);
        EventCursor from = EventCursor.decode(after);
        List<PublishedEvent> events = feed.servedBy(caller.applicationId().value(), caller.servesAllCompanies(),
                from.position(), size);
        List<EventResource> data = events.stream().map(e -> new EventResource(e.publicId(), e.type(),
                e.company().toString(), e.occurredAt().toString(), feed.data(e))).toList();
        long last = events.isEmpty() ? from.position() : events.get(events.size() - 1).position();
        return new ApiPage<>(data, new EventCursor(last).encode());
    }
}
