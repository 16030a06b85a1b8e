package io.gatehouse.directory;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A page of users and, by user id, the groups each belongs to (users in no group have no entry). */
public record PageWithGroups(Page<UserRecord> page, Map<UUID, List<GroupRef>> groups) {

    public List<GroupRef> groupsOf(UUID userId) {
        return groups.getOrDefault(userId, List.of());
    }
}
