package io.gatehouse.access;

import io.gatehouse.directory.UserRecord;
import io.gatehouse.directory.UserRepository;
import io.gatehouse.tenancy.CompanyId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
    private final SpaceRepository spaces;
    private final UserRepository users;

    AccessPolicy(AccessGrantRepository grants, SpaceRepository spaces, UserRepository users) {
        this.grants = grants;
        this.spaces = spaces;
        this.users = users;
    }

    /**
     * May the user open the Space, with which role, and why: the same rule as {@link Spaces#spacesOf} (direct
     * and group grants, highest role wins, group grants only under a plan with user groups, nothing for a
     * deactivated user or in an archived Space). Empty when the user or the Space is not one of the company's.
     */
    public Optional<SpaceDecision> spaceAccess(CompanyId company, UUID userId, UUID spaceId) {
        Optional<UserRecord> user = users.find(company, userId);
        Optional<Space> space = spaces.find(company, spaceId);
        if (user.isEmpty() || space.isEmpty()) {
            return Optional.empty();
        }
        if (!user.get().active()) {
            return Optional.of(SpaceDecision.denied(SpaceDecision.Reason.USER_INACTIVE));
        }
        if (space.get().archived()) {
            return Optional.of(SpaceDecision.denied(SpaceDecision.Reason.SPACE_ARCHIVED));
        }
        return Optional.of(spaces.access(company, userId, spaceId).stream().findFirst()
                .map(access -> SpaceDecision.allowed(access.role()))
                .orElse(SpaceDecision.denied(SpaceDecision.Reason.NO_GRANT)));
    }

    /** Direct and group-granted permissions of a user, in one query. */
    public Set<Permission> permissionsOf(CompanyId company, UUID userId) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (Grantable grant : grants.effectiveGrants(company, userId)) {
            permissions.addAll(grant.permissions());
        }
        return permissions;
    }

    /** {@link #permissionsOf(CompanyId, UUID)} for a page of users, in one query. */
    public Map<UUID, Set<Permission>> permissionsOf(CompanyId company, Collection<UUID> userIds) {
        Map<UUID, Set<Permission>> byUser = new HashMap<>();
        for (UUID userId : userIds) {
            byUser.put(userId, EnumSet.noneOf(Permission.class));
        }
        grants.effectiveGrants(company, userIds).forEach((userId, granted) -> granted
                .forEach(grant -> byUser.get(userId).addAll(grant.permissions())));
        return byUser;
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
