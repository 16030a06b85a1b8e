package io.gatehouse.access;

import io.gatehouse.directory.Source;
import io.gatehouse.directory.UserDeactivation;
import io.gatehouse.directory.UserRecord;
import io.gatehouse.tenancy.CompanyId;
import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Rule: provisioning can never remove a company's break-glass administrator. A LOCAL user holding the
 * Administrator role directly is outside the identity provider's reach: if Entra matches it by userName it
 * may update its profile, but a SCIM DELETE or a deactivation (PATCH/PUT active=false) of it is refused and
 * rolled back. Only the support team retires it ({@link CompanyAdmins#retire}), after which it is an ordinary
 * LOCAL user again.
 *
 * <p>Enforced by vetoing in {@link UserDeactivation}, which the directory calls inside the deleting or
 * deactivating transaction before anything else; first in order, so no other listener acts before the veto.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BreakGlassGuard implements UserDeactivation.Listener {

    static final String MESSAGE = "This account is the company's break-glass administrator, created by the "
            + "support team; provisioning cannot delete or deactivate it. Nothing was changed. Unassign it from "
            + "provisioning, or ask the support team to retire it.";

    private final AdminRepository admins;

    BreakGlassGuard(AdminRepository admins) {
        this.admins = admins;
    }

    /** Only a LOCAL user can be the break-glass administrator: for a provisioned one, no query is needed. */
    @Override
    public void userDeactivated(CompanyId company, UserRecord before) {
        if (before.source() == Source.LOCAL) {
            userDeactivated(company, before.id());
        }
    }

    @Override
    public UserDeactivation.Probe probe(CompanyId company, UserRecord before) {
        return before.source() == Source.LOCAL ? UserDeactivation.Probe.ALWAYS : UserDeactivation.Probe.NEVER;
    }

    @Override
    public void userDeactivated(CompanyId company, UUID userId) {
        if (admins.isBreakGlassAdmin(company, userId)) {
            throw new ProtectedAdminException(MESSAGE);
        }
    }
}
