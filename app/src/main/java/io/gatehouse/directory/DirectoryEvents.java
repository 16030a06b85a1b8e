package io.gatehouse.directory;

import static io.gatehouse.directory.ResourceText.primaryEmail;
import static io.gatehouse.directory.ResourceText.text;

import io.gatehouse.events.EventOutbox;
import io.gatehouse.events.EventType;
import io.gatehouse.tenancy.CompanyId;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events of directory changes, written by {@link UserRepository} and {@link GroupRepository} themselves, so
 * that every path into the directory (SCIM, the console, the operator's break-glass administrator, just-in-time
 * sign-in) records them in the change's transaction. Payloads are built from the rows the repository is given,
 * never read again: one INSERT per change (issue 13). The payload shapes are in docs/integration.md.
 */
@Component
class DirectoryEvents {

    /** Member ids per event: a PUT of a 50,000-member group becomes events of this many ids each. */
    static final int MEMBERS_PER_EVENT = 1000;

    private final EventOutbox outbox;

    DirectoryEvents(EventOutbox outbox) {
        this.outbox = outbox;
    }

    void userCreated(UserRecord user) {
        outbox.record(user.company(), EventType.USER_CREATED, userData(user));
    }

    /** Nothing when the resource did not change (Entra re-sends PATCHes that change nothing). */
    void userChanged(UserRecord before, UserRecord after) {
        if (before != null && before.resource().equals(after.resource())) {
            return;
        }
        EventType type = EventType.USER_UPDATED;
        if (before != null && before.active() && !after.active()) {
            type = EventType.USER_DEACTIVATED;
        } else if (before != null && !before.active() && after.active()) {
            type = EventType.USER_REACTIVATED;
        }
        outbox.record(after.company(), type, userData(after));
    }

    void userDeleted(UserRecord user) {
        ObjectNode data = outbox.data();
        data.putObject("user").put("id", user.id().toString()).put("userName", user.userName())
                .put("externalId", text(user.resource(), "externalId"));
        outbox.record(user.company(), EventType.USER_DELETED, data);
    }

    void groupCreated(GroupRecord group) {
        outbox.record(group.company(), EventType.GROUP_CREATED, groupData(group));
    }

    void groupChanged(GroupRecord before, GroupRecord after) {
        if (before != null && before.resource().equals(after.resource())) {
            return;
        }
        outbox.record(after.company(), EventType.GROUP_UPDATED, groupData(after));
    }

    void groupDeleted(GroupRecord group) {
        outbox.record(group.company(), EventType.GROUP_DELETED, groupData(group));
    }

    void membersAdded(CompanyId company, UUID groupId, Collection<UUID> userIds) {
        members(company, EventType.GROUP_MEMBER_ADDED, groupId, List.copyOf(userIds));
    }

    void membersRemoved(CompanyId company, UUID groupId, Collection<UUID> userIds) {
        members(company, EventType.GROUP_MEMBER_REMOVED, groupId, List.copyOf(userIds));
    }

    private void members(CompanyId company, EventType type, UUID groupId, List<UUID> userIds) {
        for (int from = 0; from < userIds.size(); from += MEMBERS_PER_EVENT) {
            ObjectNode data = outbox.data();
            data.putObject("group").put("id", groupId.toString());
            ArrayNode ids = data.putArray("userIds");
            userIds.subList(from, Math.min(userIds.size(), from + MEMBERS_PER_EVENT))
                    .forEach(id -> ids.add(id.toString()));
            outbox.record(company, type, data);
        }
    }

    private ObjectNode userData(UserRecord user) {
        ObjectNode data = outbox.data();
        JsonNode r = user.resource();
        ObjectNode u = data.putObject("user");
        u.put("id", user.id().toString());
        u.put("userName", user.userName());
        u.put("externalId", text(r, "externalId"));
        u.put("displayName", text(r, "displayName"));
        u.put("givenName", text(r.path("name"), "givenName"));
        u.put("familyName", text(r.path("name"), "familyName"));
        u.put("email", primaryEmail(r));
        u.put("active", user.active());
        u.put("source", user.source().name().toLowerCase(java.util.Locale.ROOT));
        return data;
    }

    private ObjectNode groupData(GroupRecord group) {
        ObjectNode data = outbox.data();
        data.putObject("group").put("id", group.id().toString()).put("displayName", group.displayName())
                .put("externalId", text(group.resource(), "externalId"))
                .put("source", group.source().name().toLowerCase(java.util.Locale.ROOT));
        return data;
    }

}
