package io.gatehouse.access;

import io.gatehouse.directory.DirectoryLock;
import io.gatehouse.directory.Source;
import io.gatehouse.tenancy.CompanyId;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Whether a company has the administrators it needs.
 *
 * <p>Counted: active users holding the Administrator role, directly or through a group (while the plan has
 * user groups). {@code localAdmins} are LOCAL users (break-glass accounts, or LOCAL users Entra matched),
 * {@code provisionedAdmins} are SCIM-provisioned users.
 *
 * <p>Warning rules, in order:
 * <ol>
 *   <li>no administrator at all: nobody can manage the company;</li>
 *   <li>the directory is managed by the identity provider and no provisioned user is an administrator: the
 *       setup guide requires at least one organization admin among the users assigned in Entra (some Entra
 *       setups need one to accept permissions for the organization), and otherwise only the break-glass
 *       account can manage the company;</li>
 *   <li>otherwise none.</li>
 * </ol>
 * Provisioning can lower {@code provisionedAdmins} to zero but never {@code localAdmins} (see
 * {@link BreakGlassGuard}), so a company with a break-glass administrator never loses its last one.
 */
@Service
public class AdminCoverage {

    public record Coverage(long localAdmins, long provisionedAdmins, boolean managedByIdentityProvider,
                           String warning) {
        public boolean ok() {
            return warning == null;
        }
    }

    static final String NO_ADMIN = "This company has no active administrator: nobody can manage its settings, "
            + "users or user groups. The support team can create a break-glass administrator.";
    static final String NO_PROVISIONED_ADMIN = "No user provisioned from Microsoft Entra ID holds the "
            + "Administrator role. Assign at least one organization admin to the application in Entra and give "
            + "them the Administrator role (directly or through a provisioned group): some Entra setups need an "
            + "admin to accept permissions on behalf of the organization, and until then only the break-glass "
            + "administrator can manage this company.";

    private final AdminRepository admins;
    private final DirectoryLock lock;

    AdminCoverage(AdminRepository admins, DirectoryLock lock) {
        this.admins = admins;
        this.lock = lock;
    }

    public Coverage check(CompanyId company) {
        Map<Source, Long> counts = admins.activeAdminCounts(company);
        long local = counts.get(Source.LOCAL);
        long provisioned = counts.get(Source.SCIM);
        boolean managed = lock.managedByIdentityProvider(company);
        return new Coverage(local, provisioned, managed, warning(local, provisioned, managed));
    }

    static String warning(long localAdmins, long provisionedAdmins, boolean managedByIdentityProvider) {
        if (localAdmins + provisionedAdmins == 0) {
            return NO_ADMIN;
        }
        if (managedByIdentityProvider && provisionedAdmins == 0) {
            return NO_PROVISIONED_ADMIN;
        }
        return null;
    }
}
