package io.gatehouse.directory;

import io.gatehouse.tenancy.CompanyId;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Told, inside the changing transaction and before the change, that members may leave a group (members removed
 * or replaced, or the group deleted): whoever derives something from membership (the Administrator role held
 * through a group) can look at the outcome before the transaction commits.
 */
@Component
public class GroupMembershipLoss {

    /** Something that depends on who is in a group. */
    public interface Listener {
        void membersMayLeave(CompanyId company, UUID groupId);
    }

    private final ObjectProvider<Listener> listeners;

    GroupMembershipLoss(ObjectProvider<Listener> listeners) {
        this.listeners = listeners;
    }

    public void membersMayLeave(CompanyId company, UUID groupId) {
        listeners.orderedStream().forEach(l -> l.membersMayLeave(company, groupId));
    }
}
