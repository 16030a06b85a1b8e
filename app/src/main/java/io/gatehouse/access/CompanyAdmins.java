package io.gatehouse.access;

import io.gatehouse.audit.AuditLog;
import io.gatehouse.directory.Source;
import io.gatehouse.directory.UserRecord;
import io.gatehouse.directory.UserRepository;
import io.gatehouse.scim.core.resource.UserResources;
import io.gatehouse.tenancy.CompanyId;
import io.gatehouse.tenancy.CompanyRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Break-glass company administrators, created by the support team: a LOCAL user holding the Administrator
 * role directly, who sets a local password through a one-time setup link and can then sign in without SSO.
 * Provisioning cannot delete or deactivate such an account ({@link BreakGlassGuard}); the support team
 * retires it with {@link #retire}.
 */
@Service
public class CompanyAdmins {

    public static final int LIST_LIMIT = 1000;

    /** The answer to "create an administrator": the account and its setup link (shown once). */
    public record AdminSetup(UUID userId, String userName, boolean created, SetupLinks.IssuedLink link) {}

    private final UserRepository users;
    private final AccessGrantRepository grants;
    private final AdminRepository admins;
    private final LocalCredentialRepository credentials;
    private final SetupLinkRepository linkRows;
    private final SetupLinks links;
    private final CompanyRepository companies;
    private final JsonMapper json;
    private final Clock clock;
    private final AuditLog audit;
    private final AdministratorSafety safety;

    CompanyAdmins(UserRepository users, AccessGrantRepository grants, AdminRepository admins,
                  LocalCredentialRepository credentials, SetupLinkRepository linkRows, SetupLinks links,
                  CompanyRepository companies, JsonMapper json, Clock clock, AuditLog audit,
                  AdministratorSafety safety) {
        this.audit = audit;
        this.safety = safety;
        this.users = users;
        this.grants = grants;
        this.admins = admins;
        this.credentials = credentials;
        this.linkRows = linkRows;
        this.links = links;
        this.companies = companies;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Creates a LOCAL user with this email as userName (or reuses the LOCAL user that has it, reactivating it
     * if needed), gives it the Administrator role and issues a fresh setup link, closing earlier ones.
     *
     * @throws ProvisionedUserConflictException when a SCIM-provisioned user has this userName
     * @throws IllegalArgumentException for an email that is not one, or a display name over 512 characters
     */
    @Transactional
    public AdminSetup createOrReuse(CompanyId company, String email, String displayName) {
        companies.find(company).orElseThrow(() -> new NotInCompanyException("Company", company));
        String userName = EmailAddress.normalize(email);
        String name = displayName == null || displayName.isBlank()
                ? userName.substring(0, userName.indexOf('@')) : displayName.strip();
        if (name.length() > 512) {
            throw new IllegalArgumentException("displayName must be at most 512 characters");
        }
        Optional<UserRecord> existing = users.findByUserName(company, userName);
        if (existing.isPresent() && existing.get().source() != Source.LOCAL) {
            throw new ProvisionedUserConflictException(userName);
        }
        Instant now = clock.instant();
        UUID userId;
        if (existing.isPresent()) {
            userId = existing.get().id();
            reactivate(company, userId, now);
        } else {
            userId = UUID.randomUUID();
            // Deliberately NOT DirectoryLock.requireLocallyManaged: this is the break-glass path, the one way a
            // user enters a directory that the identity provider manages. It must work exactly when Entra is
            // the only other way in, and it only ever creates LOCAL users, which provisioning cannot remove.
            users.insert(new UserRecord(userId, company, resource(userName, name), Source.LOCAL, 1, now, now));
        }
        grants.insert(company, Grantee.user(userId), CompanyRole.ADMINISTRATOR, now);
        String finalName = existing.map(UserRecord::userName).orElse(userName);
        audit.record(company, AuditLog.SUPPORT_TEAM, "BREAK_GLASS_ADMIN_CREATED", (existing.isEmpty()
                ? "created " : "reused ") + finalName + " (" + userId + ") with the Administrator role and a setup link");
        return new AdminSetup(userId, finalName, existing.isEmpty(), links.issue(company, userId));
    }

    /**
     * Ends a break-glass administrator: removes its direct Administrator role, its local password and its
     * setup links. The user itself stays (an ordinary LOCAL user, which provisioning may then remove).
     *
     * @return false when the user was not a break-glass administrator (nothing changed)
     * @throws NotInCompanyException when the user is not one of the company's
     * @throws LastAdministratorException when no other active administrator would be left
     */
    @Transactional
    public boolean retire(CompanyId company, UUID userId) {
        companies.find(company).orElseThrow(() -> new NotInCompanyException("Company", company));
        safety.lock(company);
        UserRecord user = users.find(company, userId).orElseThrow(() -> new NotInCompanyException("User", userId));
        if (!admins.isBreakGlassAdmin(company, userId)) {
            return false;
        }
        grants.delete(company, Grantee.user(userId), CompanyRole.ADMINISTRATOR);
        safety.requireOneLeft(company, user.userName());
        credentials.delete(company, userId);
        linkRows.deleteForUser(company, userId);
        audit.record(company, AuditLog.SUPPORT_TEAM, "BREAK_GLASS_ADMIN_RETIRED", user.userName() + " (" + userId + ")");
        return true;
    }

    /** Users holding the Administrator role (directly or through a group), at most {@link #LIST_LIMIT}. */
    public List<AdminEntry> list(CompanyId company) {
        return admins.admins(company, LIST_LIMIT);
    }

    /** The companies that have no active administrator (for the support console's list), in one query. */
    public java.util.Set<UUID> companiesWithoutActiveAdmin() {
        return admins.companiesWithoutActiveAdmin();
    }

    /** Also the break-glass path: reactivating the account is part of giving the company its way back in. */
    private void reactivate(CompanyId company, UUID userId, Instant now) {
        UserRecord current = users.findForUpdate(company, userId).orElseThrow();
        if (current.active()) {
            return;
        }
        ObjectNode resource = current.resource().deepCopy();
        resource.put("active", true);
        users.update(new UserRecord(userId, company, resource, current.source(), current.version() + 1,
                current.created(), now), current);
    }

    private ObjectNode resource(String userName, String displayName) {
        ObjectNode body = json.createObjectNode();
        body.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        body.put("userName", userName);
        body.put("displayName", displayName);
        body.put("active", true);
        ObjectNode email = body.putArray("emails").addObject();
        email.put("value", userName);
        email.put("type", "work");
        email.put("primary", true);
        return UserResources.normalize(body);
    }
}
