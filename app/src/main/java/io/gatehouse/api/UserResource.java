package io.gatehouse.api;

import static io.gatehouse.directory.ResourceText.primaryEmail;
import static io.gatehouse.directory.ResourceText.text;

import io.gatehouse.access.Permission;
import io.gatehouse.directory.GroupRef;
import io.gatehouse.directory.UserRecord;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A user as the product sees them: who they are, whether they may still sign in ({@code active}), where they
 * come from ({@code scim}: provisioned by the identity provider; {@code local}: made in Gatehouse), their groups
 * and their company-wide permissions. {@code email} is the primary address (else the first one).
 */
record UserResource(String id, String userName, String email, String displayName, Name name, boolean active,
                    String externalId, String source, List<GroupSummary> groups, List<String> permissions,
                    String createdAt, String updatedAt) {

    record Name(String formatted, String givenName, String middleName, String familyName, String honorificPrefix,
                String honorificSuffix) {}

    record GroupSummary(String id, String name) {}

    static UserResource of(UserRecord user, List<GroupRef> groups, Set<Permission> permissions) {
        JsonNode r = user.resource();
        JsonNode n = r.path("name");
        return new UserResource(user.id().toString(), user.userName(), primaryEmail(r), text(r, "displayName"),
                new Name(text(n, "formatted"), text(n, "givenName"), text(n, "middleName"), text(n, "familyName"),
                        text(n, "honorificPrefix"), text(n, "honorificSuffix")),
                user.active(), text(r, "externalId"), user.source().name().toLowerCase(Locale.ROOT),
                groups.stream().map(g -> new GroupSummary(g.groupId().toString(), g.display())).toList(),
                permissions.stream().sorted().map(Permission::name).toList(),
                user.created().toString(), user.lastModified().toString());
    }

}
