package io.gatehouse.events;

import io.gatehouse.access.AdministratorsLost;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts {@link AdministratorsLost} on the directory change stream as {@code company.administrators_lost}: it is
 * published inside the committing transaction of the SCIM change, so the event commits (or rolls back) with it.
 */
@Component
class AdministratorsLostEvents {

    private final EventOutbox outbox;

    AdministratorsLostEvents(EventOutbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void onAdministratorsLost(AdministratorsLost lost) {
        outbox.record(lost.company(), EventType.COMPANY_ADMINISTRATORS_LOST,
                outbox.data().put("cause", lost.cause()).put("at", lost.at().toString()));
    }
}
