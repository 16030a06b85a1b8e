package io.gatehouse.supportconsole;

import io.gatehouse.access.AdminCoverage;
import io.gatehouse.access.AdminEntry;
import io.gatehouse.access.AdministratorSafety;
import io.gatehouse.audit.AuditEvent;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.access.CompanyAdmins;
import io.gatehouse.audit.ProvisioningEvent;
import io.gatehouse.audit.ProvisioningLog;
import io.gatehouse.credentials.TokenInfo;
import io.gatehouse.credentials.TokenService;
import io.gatehouse.directory.DirectoryLock;
import io.gatehouse.saml.ConnectionReport;
import io.gatehouse.saml.EmailDomains;
import io.gatehouse.saml.LoginEvent;
import io.gatehouse.saml.LoginLog;
import io.gatehouse.saml.SamlConnectionService;
import io.gatehouse.saml.SpKeyInfo;
import io.gatehouse.saml.SpKeyRotation;
import io.gatehouse.tenancy.Company;
import io.gatehouse.tenancy.CompanyId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What the support team sees of one company, read from the services and logs the operator API reads: its
 * tokens, domains, administrators, provisioning health and SSO status. Read-only; changes go through
 * operator.CompanyOperations and access.CompanyAdmins.
 */
@Component
class CompanyOverview {

    static final Duration HEALTH_WINDOW = Duration.ofHours(24);
    static final int LAST_ERRORS = 10;
    /** How many sign-ins back the last success and the last failure are looked for. */
    static final int SIGN_IN_SCAN = 500;

    /** Provisioning over the last 24 hours and the newest failures with their status and scimType. */
    record ProvisioningHealth(Instant lastRequestAt, ProvisioningLog.Summary day, List<ProvisioningEvent> lastErrors) {}

    /** Whether SSO is configured, how the company's sign-ins went lately, and our keys for it. */
    record SsoStatus(Optional<ConnectionReport> connection, Optional<LoginEvent> lastSuccess,
                     Optional<LoginEvent> lastFailure, List<SpKeyInfo> spKeys) {
        public boolean configured() {
            return connection.isPresent();
        }
    }

    record Overview(Company company, boolean managedByIdentityProvider, List<String> domains, List<TokenInfo> tokens,
                    List<AdminEntry> admins, AdminCoverage.Coverage coverage, Optional<AuditEvent> adminsLost,
                    ProvisioningHealth provisioning, SsoStatus sso) {}

    private final TokenService tokens;
    private final EmailDomains domains;
    private final CompanyAdmins admins;
    private final AdminCoverage coverage;
    private final ProvisioningLog provisioningLog;
    private final SamlConnectionService connections;
    private final LoginLog loginLog;
    private final SpKeyRotation spKeys;
    private final DirectoryLock lock;
    private final Clock clock;
    private final AuditLog audit;

    CompanyOverview(TokenService tokens, EmailDomains domains, CompanyAdmins admins, AdminCoverage coverage,
                    ProvisioningLog provisioningLog, SamlConnectionService connections, LoginLog loginLog,
                    SpKeyRotation spKeys, DirectoryLock lock, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.tokens = tokens;
        this.domains = domains;
        this.admins = admins;
        this.coverage = coverage;
        this.provisioningLog = provisioningLog;
        this.connections = connections;
        this.loginLog = loginLog;
        this.spKeys = spKeys;
        this.lock = lock;
        this.clock = clock;
    }

    Overview of(Company company) {
        CompanyId id = company.id();
        AdminCoverage.Coverage cover = coverage.check(id);
        return new Overview(company, lock.managedByIdentityProvider(company), domains.list(id), tokens.scimTokens(id),
                admins.list(id), cover, cover.localAdmins() + cover.provisionedAdmins() == 0
                        ? audit.latest(id, AdministratorSafety.ADMINISTRATORS_LOST) : Optional.empty(),
                provisioning(id), sso(id));
    }

    ProvisioningHealth provisioning(CompanyId company) {
        Instant last = provisioningLog.recent(company, 1).stream().findFirst().map(ProvisioningEvent::occurredAt)
                .orElse(null);
        return new ProvisioningHealth(last, provisioningLog.summary(company, clock.instant().minus(HEALTH_WINDOW)),
                provisioningLog.recentFailures(company, LAST_ERRORS));
    }

    SsoStatus sso(CompanyId company) {
        List<LoginEvent> recent = loginLog.recent(company, SIGN_IN_SCAN);
        return new SsoStatus(connections.report(company),
                recent.stream().filter(e -> "SUCCESS".equals(e.outcome())).findFirst(),
                recent.stream().filter(e -> !"SUCCESS".equals(e.outcome())).findFirst(), spKeys.list(company));
    }
}
