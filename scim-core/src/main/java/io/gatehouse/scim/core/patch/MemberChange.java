package io.gatehouse.scim.core.patch;

import java.util.List;

/**
 * A change to a group's membership produced by {@link GroupPatch}, to be applied by the app in list
 * order. The engine never sees the member list itself (a group may have 50,000 members), so
 * membership edits are described instead of performed.
 */
public sealed interface MemberChange {

    /** Add these user ids; ids already present are no change (RFC 7644 section 3.5.2.1). */
    record AddMembers(List<String> userIds) implements MemberChange {
        public AddMembers {
            userIds = List.copyOf(userIds);
        }
    }

    /** Remove these user ids; ids that are not members are no change. */
    record RemoveMembers(List<String> userIds) implements MemberChange {
        public RemoveMembers {
            userIds = List.copyOf(userIds);
        }
    }

    /** Remove every member. */
    record RemoveAllMembers() implements MemberChange {
    }
}
