package io.gatehouse.events;

import java.util.Arrays;
import java.util.Optional;

/** The directory change events (docs/integration.md, "Directory events"), by their wire names. */
public enum EventType {
    USER_CREATED("user.created"),
    USER_UPDATED("user.updated"),
    USER_DEACTIVATED("user.deactivated"),
    USER_REACTIVATED("user.reactivated"),
    USER_DELETED("user.deleted"),
    GROUP_CREATED("group.created"),
    GROUP_UPDATED("group.updated"),
    GROUP_DELETED("group.deleted"),
    GROUP_MEMBER_ADDED("group.member_added"),
    GROUP_MEMBER_REMOVED("group.member_removed"),
    ACCESS_SPACE_GRANTED("access.space_granted"),
    ACCESS_SPACE_REVOKED("access.space_revoked"),
    COMPANY_DIRECTORY_LOCKED("company.directory_locked"),
    COMPANY_DIRECTORY_UNLOCKED("company.directory_unlocked"),
    /** A change the identity provider made left the company without an active administrator (issue 18). */
    COMPANY_ADMINISTRATORS_LOST("company.administrators_lost");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> byWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
