package io.gatehouse.scim.core.patch;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * @param group         the patched group in stored form, without members
 * @param memberChanges membership edits in the order the operations asked for them
 */
public record GroupPatchResult(ObjectNode group, List<MemberChange> memberChanges) {

    public GroupPatchResult {
        memberChanges = List.copyOf(memberChanges);
    }
}
