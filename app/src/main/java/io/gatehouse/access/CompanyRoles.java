package io.gatehouse.access;

import io.gatehouse.audit.AuditLog;
import io.gatehouse.directory.GroupRecord;
import io.gatehouse.directory.GroupRepository;
import io.gatehouse.directory.UserRecord;
import io.gatehouse.directory.UserRepository;
import io.gatehouse.tenancy.Company;
import io.gatehouse.tenancy.CompanyId;
import io.gatehouse.tenancy.CompanyRepository;
import io.gatehouse.tenancy.Feature;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grants and revokes company-wide roles and permissions to users and user groups.
 *
 * <p>Rules (checked in this order):
 * <ol>
 *   <li>Granting to or revoking from a user needs {@link Permission#MANAGE_USERS}; from a group,
 *       {@link Permission#MANAGE_USER_GROUPS}.</li>
 *   <li>The actor must also hold every permission they grant or revoke, so nobody hands out (or takes away)
 *       more than they have: only administrators make or unmake administrators.</li>
 *   <li>The grantee must be a user or group of this company; another company's id is "not found".</li>
 *   <li>Granting to a group needs the plan's USER_GROUPS feature. Revoking does not, so grants left over
 *       from a downgrade can still be cleaned up (they do not count while the feature is missing).</li>
 *   <li>The Administrator role of a break-glass administrator is taken away only by the operator (see
 *       {@link CompanyAdmins#retire}): it is the support team's way back into the company.</li>
 * </ol>
 * Grants are idempotent: granting twice or revoking what is not granted changes nothing.
 */
@Service
public class CompanyRoles {

    private final AccessGrantRepository grants;
    private final AdminRepository admins;
    private final AccessPolicy policy;
    private final CompanyRepository companies;
    private final UserRepository users;
    private final GroupRepository groups;
    private final Clock clock;
    /** Revoking the break-glass administrator's role in the console. */
    public static final String BREAK_GLASS_ROLE = "This is the company's break-glass administrator, created by the "
            + "support team: its Administrator role cannot be revoked here. Ask the support team to retire it. "
            + "Nothing was changed.";

    private final AuditLog audit;
    private final AdministratorSafety safety;

    CompanyRoles(AccessGrantRepository grants, AdminRepository admins, AccessPolicy policy,
                 CompanyRepository companies, UserRepository users, GroupRepository groups, Clock clock,
                 AuditLog audit, AdministratorSafety safety) {
        this.audit = audit;
        this.safety = safety;
        this.grants = grants;
        this.admins = admins;
        this.policy = policy;
        this.companies = companies;
        this.users = users;
        this.groups = groups;
        this.clock = clock;
    }

    /** @return true when this call added the grant, false when it was already there */
    @Transactional
    public boolean grant(CompanyId companyId, Actor actor, Grantee grantee, Grantable grant) {
        Company company = authorize(companyId, actor, grantee, grant);
        if (grantee instanceof Grantee.Group && !company.has(Feature.USER_GROUPS)) {
            throw new FeatureNotInPlanException(Feature.USER_GROUPS);
        }
        boolean added = grants.insert(companyId, grantee, grant, clock.instant());
        if (added) {
            audit.record(companyId, actorName(companyId, actor), "ROLE_GRANTED", describe(companyId, grantee, grant));
        }
        return added;
    }

    /** @return true when this call removed the grant, false when there was none */
    @Transactional
    public boolean revoke(CompanyId companyId, Actor actor, Grantee grantee, Grantable grant) {
        authorize(companyId, actor, grantee, grant);
        if (grant == CompanyRole.ADMINISTRATOR && !(actor instanceof Actor.Operator)
                && grantee instanceof Grantee.User user && admins.isBreakGlassAdmin(companyId, user.id())) {
            throw new ProtectedAdminException(BREAK_GLASS_ROLE);
        }
        if (grant == CompanyRole.ADMINISTRATOR) {
            safety.lock(companyId);
        }
        boolean removed = grants.delete(companyId, grantee, grant);
        if (removed && grant == CompanyRole.ADMINISTRATOR) {
            safety.requireOneLeft(companyId, granteeName(users, groups, companyId, grantee));
        }
        if (removed) {
            audit.record(companyId, actorName(companyId, actor), "ROLE_REVOKED", describe(companyId, grantee, grant));
        }
        return removed;
    }

    /**
     * Every company-wide grant, with the grantee's name: all of them with MANAGE_USERS (it lists users' rights),
     * only the groups' with MANAGE_USER_GROUPS alone.
     */
    public List<GrantRecord> grants(CompanyId companyId, Actor actor) {
        if (actor instanceof Actor.User user && !policy.may(companyId, user.id(), Permission.MANAGE_USERS)) {
            if (!policy.may(companyId, user.id(), Permission.MANAGE_USER_GROUPS)) {
                policy.require(companyId, actor, Permission.MANAGE_USERS); // names the permission of the full list
            }
            return grants.list(companyId).stream().filter(g -> g.grantee() instanceof Grantee.Group).toList();
        }
        return grants.list(companyId);
    }

    private Company authorize(CompanyId companyId, Actor actor, Grantee grantee, Grantable grant) {
        Company company = companies.find(companyId)
                .orElseThrow(() -> new NotInCompanyException("Company", companyId));
        policy.require(companyId, actor, grantee instanceof Grantee.User
                ? Permission.MANAGE_USERS : Permission.MANAGE_USER_GROUPS);
        policy.requireAll(companyId, actor, grant.permissions());
        requireExists(companyId, grantee);
        return company;
    }

    private void requireExists(CompanyId company, Grantee grantee) {
        boolean exists = grantee instanceof Grantee.User
                ? users.find(company, grantee.id()).isPresent()
                : groups.find(company, grantee.id()).isPresent();
        if (!exists) {
            throw new NotInCompanyException(grantee instanceof Grantee.User ? "User" : "Group", grantee.id());
        }
    }

    /** The audit log's name for who acted: the support team, or the user's userName. */
    static String actorName(UserRepository users, CompanyId company, Actor actor) {
        if (actor instanceof Actor.User user) {
            return users.find(company, user.id()).map(UserRecord::userName).orElse("user " + user.id());
        }
        return AuditLog.SUPPORT_TEAM;
    }

    /** "user ada@acme.test (id)" or "group Engineering (id)", for the audit log. */
    static String granteeName(UserRepository users, GroupRepository groups, CompanyId company, Grantee grantee) {
        return grantee instanceof Grantee.User
                ? "user " + users.find(company, grantee.id()).map(UserRecord::userName).orElse("?")
                        + " (" + grantee.id() + ")"
                : "group " + groups.find(company, grantee.id()).map(GroupRecord::displayName).orElse("?")
                        + " (" + grantee.id() + ")";
    }

    private String actorName(CompanyId company, Actor actor) {
        return actorName(users, company, actor);
    }

    private String describe(CompanyId company, Grantee grantee, Grantable grant) {
        return grant.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + grant.name() + " to "
                + granteeName(users, groups, company, grantee);
    }
}
