package io.gatehouse.access;

import io.gatehouse.tenancy.CompanyId;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The one answer to "may this person do this?" for company-wide permissions.
 *
 * <p>A user's permissions are the union of what is granted to them directly and to every user group they
 * are a member of, where a role stands for all of its permissions. Group grants count only while the
 * company's plan includes user groups. A deactivated user, or an id that is not one of the company's users,
 * has no permissions. Nothing is cached: a revocation or a SCIM deactivation takes effect with the next
 * check on every node, at the cost of one indexed query per check.
 */
@Service
public class AccessPolicy {

    private final AccessGrantRepository grants;

    AccessPolicy(AccessGrantRepository grants) {
        this.grants = grants;
    }

    /** Direct and group-granted permissions of a user, in one query. */
    public Set<Permission> permissionsOf(CompanyId company, UUID userId) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (Grantable grant : grants.effectiveGrants(company, userId)) {
            permissions.addAll(grant.permissions());
        }
        return permissions;
    }

    public boolean may(CompanyId company, UUID userId, Permission permission) {
        return permissionsOf(company, userId).contains(permission);
    }

    /** @throws AccessDeniedException naming {@code permission} when the user does not hold it */
    public void require(CompanyId company, UUID userId, Permission permission) {
        if (!may(company, userId, permission)) {
            throw new AccessDeniedException(permission);
        }
    }

    /** As {@link #require(CompanyId, UUID, Permission)}; the operator is allowed everything. */
    public void require(CompanyId company, Actor actor, Permission permission) {
        if (actor instanceof Actor.User user) {
            require(company, user.id(), permission);
        }
    }

    /**
     * Requires every one of {@code needed}, checked with one query.
     *
     * @throws AccessDeniedException naming the first missing permission (in declaration order)
     */
    public void requireAll(CompanyId company, Actor actor, Set<Permission> needed) {
        if (!(actor instanceof Actor.User user)) {
            return;
        }
        Set<Permission> held = permissionsOf(company, user.id());
        for (Permission permission : Permission.values()) {
            if (needed.contains(permission) && !held.contains(permission)) {
                throw new AccessDeniedException(permission);
            }
        }
    }
}
