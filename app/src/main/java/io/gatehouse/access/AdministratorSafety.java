package io.gatehouse.access;

import io.gatehouse.audit.AuditLog;
import io.gatehouse.directory.GroupMembershipLoss;
import io.gatehouse.directory.UserDeactivation;
import io.gatehouse.directory.UserRecord;
import io.gatehouse.tenancy.CompanyId;
import io.gatehouse.tenancy.CompanyRepository;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rule: a company never drifts into having no administrator unnoticed.
 *
 * <ul>
 *   <li>The support team (operator API, support console) and company administrators (console) are refused a
 *       change that leaves no active administrator ({@link LastAdministratorException}, 409): retiring the
 *       break-glass administrator, revoking the Administrator role, deactivating a user. Such a change calls
 *       {@link #lock} first and {@link #requireOneLeft} after, in its transaction.</li>
 *   <li>The identity provider is never refused (a person who left loses access, even the last admin): when a SCIM
 *       change — a user deactivated or deleted, members removed from an administrators' group, the group deleted —
 *       leaves no active administrator, the audit log gets {@link #ADMINISTRATORS_LOST} and
 *       {@link AdministratorsLost} is published, in the same transaction; the support console shows it.</li>
 * </ul>
 * Race safety: every such change locks the company's row ({@link CompanyRepository#lockForUpdate}) before it
 * counts, so two requests each removing one of the last two administrators run one after the other and the second
 * sees the first's outcome (READ COMMITTED on both databases: each statement reads what committed before it).
 * "Active administrator" = an active user holding the Administrator role directly or through a group while the plan
 * has user groups (the same count as {@link AdminCoverage}).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class AdministratorSafety implements UserDeactivation.Listener, GroupMembershipLoss.Listener {

    public static final String ADMINISTRATORS_LOST = "ADMINISTRATORS_LOST";
    public static final String PROVISIONING_ACTOR = "identity provider (SCIM)";

    private final AdminRepository admins;
    private final CompanyRepository companies;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AdministratorSafety(AdminRepository admins, CompanyRepository companies, AuditLog audit,
                        ApplicationEventPublisher events, Clock clock) {
        this.admins = admins;
        this.companies = companies;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** First statement of a change that may take an administrator away. */
    public void lock(CompanyId company) {
        companies.lockForUpdate(company);
    }

    /** After the change, in its transaction (locked by {@link #lock}): refuses it when no active admin is left. */
    public void requireOneLeft(CompanyId company, String whom) {
        if (admins.activeAdmins(company) == 0) {
            throw new LastAdministratorException(whom);
        }
    }

    /** Whether the user holds the Administrator role, so that taking them away needs {@link #lock}. */
    public boolean isAdministrator(CompanyId company, UUID userId) {
        return admins.holdsAdministrator(company, userId);
    }

    @Override
    public void userDeactivated(CompanyId company, UUID userId) {
        if (admins.holdsAdministrator(company, userId)) {
            watch(company, "user " + userId + " was deactivated or deleted");
        }
    }

    @Override
    public void userDeactivated(CompanyId company, UserRecord before) {
        if (before.active() && admins.holdsAdministrator(company, before.id())) {
            watch(company, "user " + before.userName() + " (" + before.id() + ") was deactivated or deleted");
        }
    }

    /**
     * Whether the user holds the Administrator role directly or through a group. Wider than
     * {@link #isAdministrator} (a group's grant counts whatever the plan), which is safe: {@link #watch} counts again.
     */
    @Override
    public UserDeactivation.Probe probe(CompanyId company, UserRecord before) {
        return before.active() ? admins.holdsAdministratorProbe(company, before.id()) : UserDeactivation.Probe.NEVER;
    }

    @Override
    public void membersMayLeave(CompanyId company, UUID groupId) {
        if (admins.groupHoldsAdministrator(company, groupId) && admins.activeAdmins(company) > 0) {
            watch(company, "members left, or the deletion of, the administrators' group " + groupId);
        }
    }

    /** Looks again right before the transaction commits, once per company and transaction. */
    private void watch(CompanyId company, String cause) {
        String key = AdministratorSafety.class.getName() + ":" + company.value();
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.hasResource(key)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(key, cause);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                lock(company);
                if (admins.activeAdmins(company) == 0) {
                    String detail = "The company has no active administrator any more: " + cause
                            + ". Nobody can manage it until the support team creates an administrator.";
                    audit.record(company, PROVISIONING_ACTOR, ADMINISTRATORS_LOST, detail);
                    events.publishEvent(new AdministratorsLost(company, detail, clock.instant()));
                }
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
    }
}
