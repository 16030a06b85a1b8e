package io.gatehouse.scim.core.resource;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * A normalised Group body.
 *
 * @param group     the stored representation without {@code members}
 * @param memberIds member ids in request order without duplicates; null when the body had no
 *                  {@code members} (or {@code "members": null}), so a PUT without members can leave
 *                  membership alone instead of emptying a large group by accident
 */
public record NormalizedGroup(ObjectNode group, List<String> memberIds) {

    public NormalizedGroup {
        memberIds = memberIds == null ? null : List.copyOf(memberIds);
    }
}
