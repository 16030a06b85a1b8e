package io.gatehouse.directory;

import io.gatehouse.tenancy.CompanyId;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What must happen when a user is deactivated or deleted: every party that holds something for the
 * user (sign-in sessions, later API keys) registers a listener and ends it, in the same transaction.
 */
@Component
public class UserDeactivation {

    /** Something that holds state for a user and must end it when the user is deactivated. */
    public interface Listener {
        void userDeactivated(CompanyId company, UUID userId);

        /** With the user's row as it was before the change; listeners that can decide from it save a query. */
        default void userDeactivated(CompanyId company, UserRecord before) {
            userDeactivated(company, before.id());
        }
    }

    private final ObjectProvider<Listener> listeners;

    UserDeactivation(ObjectProvider<Listener> listeners) {
        this.listeners = listeners;
    }

    public void deactivated(CompanyId company, UUID userId) {
        listeners.orderedStream().forEach(l -> l.userDeactivated(company, userId));
    }

    /** The same, when the caller holds the user's row (read for update) from before the change. */
    public void deactivated(CompanyId company, UserRecord before) {
        listeners.orderedStream().forEach(l -> l.userDeactivated(company, before));
    }
}
