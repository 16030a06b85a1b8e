package io.gatehouse.access;

import io.gatehouse.audit.AuditLog;
import io.gatehouse.directory.GroupRepository;
import io.gatehouse.directory.UserRepository;
import io.gatehouse.tenancy.Company;
import io.gatehouse.tenancy.CompanyId;
import io.gatehouse.tenancy.CompanyRepository;
import io.gatehouse.tenancy.Feature;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spaces and who may use them.
 *
 * <p>Who may manage a Space:
 * <ul>
 *   <li>Creating a Space needs {@link Permission#MANAGE_COMPANY_SETTINGS}.</li>
 *   <li>Renaming, archiving, seeing and changing the grants of a Space needs MANAGE_COMPANY_SETTINGS or the
 *       {@link SpaceRole#MANAGER} role in that Space (directly or through a group). A refusal names
 *       MANAGE_COMPANY_SETTINGS as the missing permission.</li>
 *   <li>An archived Space confers no role, so only MANAGE_COMPANY_SETTINGS can touch it (restore it, for one).
 *       Its grants are kept, so restoring brings access back as it was.</li>
 *   <li>Space management is not user or group management: MANAGE_USERS / MANAGE_USER_GROUPS are not needed
 *       to grant a Space to a user or a group.</li>
 *   <li>What a group gives is managed with the group: {@link Permission#MANAGE_USER_GROUPS} alone also grants
 *       and revokes a <em>group's</em> role in any active Space ({@link #forGroup} lists them), as
 *       {@link CompanyRoles} lets it grant groups the permissions its holder has.</li>
 * </ul>
 * Grants to groups need the plan's USER_GROUPS feature and count only while the plan has it. A user sees a
 * Space when it is granted to them or to any group they are a member of; with several grants the highest
 * role wins. Deleting a user or a group (for example by SCIM) deletes its grants with it (foreign keys with
 * ON DELETE CASCADE), so a deleted group's members lose the access it gave them at once.
 */
@Service
public class Spaces {

    static final int MAX_NAME = 200;

    private final SpaceRepository spaces;
    private final AccessPolicy policy;
    private final CompanyRepository companies;
    private final UserRepository users;
    private final GroupRepository groups;
    private final Clock clock;
    private final AuditLog audit;

    Spaces(SpaceRepository spaces, AccessPolicy policy, CompanyRepository companies, UserRepository users,
           GroupRepository groups, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.spaces = spaces;
        this.policy = policy;
        this.companies = companies;
        this.users = users;
        this.groups = groups;
        this.clock = clock;
    }

    @Transactional
    public Space create(CompanyId company, Actor actor, String name) {
        policy.require(company, actor, Permission.MANAGE_COMPANY_SETTINGS);
        String clean = validName(name);
        UUID id = UUID.randomUUID();
        try {
            spaces.insert(id, company, clean, clock.instant());
        } catch (DuplicateKeyException e) {
            throw nameTaken(clean);
        }
        Space created = spaces.find(company, id).orElseThrow();
        record(company, actor, "SPACE_CREATED", "Space " + describe(created));
        return created;
    }

    @Transactional
    public Space rename(CompanyId company, Actor actor, UUID spaceId, String name) {
        Space before = requireManage(company, actor, spaceId);
        String clean = validName(name);
        try {
            spaces.rename(company, spaceId, clean, clock.instant());
        } catch (DuplicateKeyException e) {
            throw nameTaken(clean);
        }
        record(company, actor, "SPACE_RENAMED", "Space " + describe(before) + " renamed to \"" + clean + "\"");
        return spaces.find(company, spaceId).orElseThrow();
    }

    /** Hides the Space from everyone; its grants are kept. Archiving an archived Space changes nothing. */
    @Transactional
    public Space archive(CompanyId company, Actor actor, UUID spaceId) {
        Space space = requireManage(company, actor, spaceId);
        if (!space.archived()) {
            Instant now = clock.instant();
            spaces.setArchived(company, spaceId, now, now);
            record(company, actor, "SPACE_ARCHIVED", "Space " + describe(space));
        }
        return spaces.find(company, spaceId).orElseThrow();
    }

    /** Brings an archived Space back with its grants; needs MANAGE_COMPANY_SETTINGS. */
    @Transactional
    public Space restore(CompanyId company, Actor actor, UUID spaceId) {
        policy.require(company, actor, Permission.MANAGE_COMPANY_SETTINGS);
        Space space = find(company, spaceId);
        spaces.setArchived(company, spaceId, null, clock.instant());
        if (space.archived()) {
            record(company, actor, "SPACE_RESTORED", "Space " + describe(space));
        }
        return spaces.find(company, spaceId).orElseThrow();
    }

    /** Gives a user or group a role in the Space, replacing the grantee's earlier role there. */
    @Transactional
    public void grant(CompanyId companyId, Actor actor, UUID spaceId, Grantee grantee, SpaceRole role) {
        if (role == null) {
            throw new IllegalArgumentException("role is required: VIEWER, EDITOR or MANAGER");
        }
        Space space = requireGrantManage(companyId, actor, spaceId, grantee);
        requireGrantee(companyId, grantee);
        if (grantee instanceof Grantee.Group && !company(companyId).has(Feature.USER_GROUPS)) {
            throw new FeatureNotInPlanException(Feature.USER_GROUPS);
        }
        spaces.upsertGrant(companyId, space, grantee, role, clock.instant());
        audit.record(companyId, CompanyRoles.actorName(users, companyId, actor), "SPACE_GRANTED",
                role.name() + " in Space " + describe(space) + " to "
                        + CompanyRoles.granteeName(users, groups, companyId, grantee));
    }

    /** @return true when a grant was removed */
    @Transactional
    public boolean revoke(CompanyId company, Actor actor, UUID spaceId, Grantee grantee) {
        Space space = requireGrantManage(company, actor, spaceId, grantee);
        boolean removed = spaces.deleteGrant(company, space, grantee);
        if (removed) {
            audit.record(company, CompanyRoles.actorName(users, company, actor), "SPACE_REVOKED",
                    "Space " + describe(space) + " from " + CompanyRoles.granteeName(users, groups, company, grantee));
        }
        return removed;
    }

    private void record(CompanyId company, Actor actor, String action, String detail) {
        audit.record(company, CompanyRoles.actorName(users, company, actor), action, detail);
    }

    private static String describe(Space space) {
        return "\"" + space.name() + "\" (" + space.id() + ")";
    }

    public List<SpaceGrant> grants(CompanyId company, Actor actor, UUID spaceId) {
        requireManage(company, actor, spaceId);
        return spaces.grants(company, spaceId);
    }

    /** Every Space of the company, archived ones included (last); needs MANAGE_COMPANY_SETTINGS. */
    public List<Space> all(CompanyId company, Actor actor) {
        policy.require(company, actor, Permission.MANAGE_COMPANY_SETTINGS);
        return spaces.list(company);
    }

    /**
     * One Space of the company, archived or not, for a reader that is not a person of the company (the product
     * API, on behalf of an application serving it): no permission is involved.
     */
    public Optional<Space> space(CompanyId company, UUID spaceId) {
        return spaces.find(company, spaceId);
    }

    /** The company's Spaces in creation order after (created at, id), for the same readers as {@link #space}. */
    public List<Space> page(CompanyId company, Instant afterCreatedAt, UUID afterId, int limit) {
        return spaces.creationPage(company, afterCreatedAt, afterId, limit);
    }

    /** The unarchived Spaces the user may use, with their highest role, by name; one query. */
    public List<SpaceAccess> spacesOf(CompanyId company, UUID userId) {
        return spaces.access(company, userId, null);
    }

    /** The user's highest role in one unarchived Space, if any. */
    public Optional<SpaceRole> roleIn(CompanyId company, UUID userId, UUID spaceId) {
        return spaces.access(company, userId, spaceId).stream().map(SpaceAccess::role).findFirst();
    }

    /** A Space and one group's role in it (null: no access), for the group's page. */
    public record GroupAccess(Space space, SpaceRole role) {}

    /**
     * The active Spaces and the group's role in each: needs MANAGE_USER_GROUPS or MANAGE_COMPANY_SETTINGS (who may
     * change a group's Spaces).
     */
    public List<GroupAccess> forGroup(CompanyId company, Actor actor, UUID groupId) {
        if (actor instanceof Actor.User user && !policy.may(company, user.id(), Permission.MANAGE_USER_GROUPS)) {
            policy.require(company, actor, Permission.MANAGE_COMPANY_SETTINGS);
        }
        return spaces.list(company).stream().filter(s -> !s.archived())
                .map(s -> new GroupAccess(s, spaces.grants(company, s.id()).stream()
                        .filter(g -> g.grantee() instanceof Grantee.Group gg && gg.id().equals(groupId))
                        .map(SpaceGrant::role).findFirst().orElse(null)))
                .toList();
    }

    /** Changing a grant: as {@link #requireManage}, or MANAGE_USER_GROUPS for a group's grant in an active Space. */
    private Space requireGrantManage(CompanyId company, Actor actor, UUID spaceId, Grantee grantee) {
        if (grantee instanceof Grantee.Group && actor instanceof Actor.User user
                && policy.may(company, user.id(), Permission.MANAGE_USER_GROUPS)) {
            Space space = find(company, spaceId);
            if (!space.archived()) {
                return space;
            }
        }
        return requireManage(company, actor, spaceId);
    }

    private Space requireManage(CompanyId company, Actor actor, UUID spaceId) {
        Space space = find(company, spaceId);
        if (actor instanceof Actor.User user
                && !policy.may(company, user.id(), Permission.MANAGE_COMPANY_SETTINGS)
                && !roleIn(company, user.id(), spaceId).filter(r -> r == SpaceRole.MANAGER).isPresent()) {
            throw new AccessDeniedException(Permission.MANAGE_COMPANY_SETTINGS, "Managing this Space requires the "
                    + "permission \"" + Permission.MANAGE_COMPANY_SETTINGS.label() + "\" (MANAGE_COMPANY_SETTINGS) "
                    + "or the Manager role in the Space.");
        }
        return space;
    }

    private Space find(CompanyId company, UUID spaceId) {
        if (spaceId == null) {
            throw new NotInCompanyException("Space", null);
        }
        return spaces.find(company, spaceId).orElseThrow(() -> new NotInCompanyException("Space", spaceId));
    }

    private void requireGrantee(CompanyId company, Grantee grantee) {
        boolean exists = grantee instanceof Grantee.User
                ? users.find(company, grantee.id()).isPresent()
                : groups.find(company, grantee.id()).isPresent();
        if (!exists) {
            throw new NotInCompanyException(grantee instanceof Grantee.User ? "User" : "Group", grantee.id());
        }
    }

    private Company company(CompanyId id) {
        return companies.find(id).orElseThrow(() -> new NotInCompanyException("Company", id));
    }

    static String validName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME || clean.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A Space name is required: 1 to " + MAX_NAME
                    + " characters, no control characters.");
        }
        return clean;
    }

    private static IllegalArgumentException nameTaken(String name) {
        return new IllegalArgumentException("A Space named \"" + name + "\" already exists in this company "
                + "(archived Spaces keep their names).");
    }
}
