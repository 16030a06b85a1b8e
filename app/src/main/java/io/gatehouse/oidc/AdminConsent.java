package io.gatehouse.oidc;

import io.gatehouse.access.AccessPolicy;
import io.gatehouse.access.Permission;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.directory.UserRecord;
import io.gatehouse.directory.UserRepository;
import io.gatehouse.tenancy.CompanyId;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Admin consent ("Approve for my organization"): a person with MANAGE_COMPANY_SETTINGS is sent to Entra's
 * admin consent endpoint; when Entra sends them back with {@code admin_consent=True} and their tenant id,
 * the tenant is bound to the company (so its ID tokens select this company) and the approval is audited.
 * The state is single use and bound to the administrator's session, company and user.
 */
@Service
public class AdminConsent {

    /** How the return from Entra ended, for the page. */
    public record Result(boolean approved, String title, String message) {
        static Result failed(String title, String message) {
            return new Result(false, title, message);
        }
    }

    static final String AUDIT_ACTION = "OIDC_ADMIN_CONSENT_GRANTED";

    private final OidcProperties properties;
    private final EntraProvider provider;
    private final PendingAuthorizations pending;
    private final OidcSettings settings;
    private final AccessPolicy policy;
    private final UserRepository users;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    AdminConsent(OidcProperties properties, EntraProvider provider, PendingAuthorizations pending,
                 OidcSettings settings, AccessPolicy policy, UserRepository users, AuditLog audit,
                 TransactionTemplate tx, Clock clock) {
        this.properties = properties;
        this.provider = provider;
        this.pending = pending;
        this.settings = settings;
        this.policy = policy;
        this.users = users;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public boolean available() {
        return properties.configured();
    }

    /** The URL of Entra's admin consent page for this administrator; the caller has checked the permission. */
    public String start(CompanyId company, UUID userId, String sessionId) {
        String state = OidcSignIn.random(24);
        pending.save(new Pending(state, Pending.Kind.CONSENT, company, userId, OidcSignIn.sha256(sessionId), null,
                null, null, clock.instant().plus(PendingAuthorizations.LIFETIME)));
        return provider.adminConsentUri(state);
    }

    Result finish(CompanyId company, UUID userId, String sessionId, String state, String adminConsent,
                  String tenant, String error, String errorDescription) {
        Optional<Pending> taken = pending.take(state)
                .filter(p -> p.kind() == Pending.Kind.CONSENT)
                .filter(p -> company.equals(p.company()) && userId.equals(p.userId()))
                .filter(p -> sessionId != null && MessageDigest.isEqual(p.browserBinding().getBytes(),
                        OidcSignIn.sha256(sessionId).getBytes()));
        if (taken.isEmpty()) {
            return Result.failed("This approval link has expired",
                    "The answer from Microsoft does not belong to an approval you started in this browser, or it "
                            + "was already used. Start the approval again from Single sign-on settings.");
        }
        if (!policy.may(company, userId, Permission.MANAGE_COMPANY_SETTINGS)) {
            return Result.failed("You can no longer change these settings",
                    "Approving Gatehouse for the organization needs the \"Manage company settings\" permission.");
        }
        if (error != null) {
            return Result.failed("Gatehouse was not approved",
                    "Microsoft answered: " + (("access_denied".equals(error) || "permission_denied".equals(error))
                            ? "the approval was cancelled or refused. Only a Global Administrator, Privileged Role "
                            + "Administrator or Cloud Application Administrator of your organization can approve."
                            : error) + (errorDescription == null ? "" : " (" + abbreviate(errorDescription) + ")"));
        }
        if (!"true".equalsIgnoreCase(adminConsent) || tenant == null || !IdTokenValidator.TENANT_ID.matcher(tenant).matches()) {
            return Result.failed("Gatehouse was not approved",
                    "Microsoft did not confirm an approval for your organization. Please try again.");
        }
        String tenantId = tenant.toLowerCase(java.util.Locale.ROOT);
        String actor = users.find(company, userId).map(UserRecord::userName).orElse(userId.toString());
        try {
            tx.executeWithoutResult(s -> {
                settings.approve(company, tenantId, actor);
                audit.record(company, actor, AUDIT_ACTION, "Sign in with Microsoft approved for Entra tenant "
                        + tenantId);
            });
        } catch (DuplicateKeyException e) {
            return Result.failed("This organization is already connected to another company",
                    "The Microsoft Entra tenant " + tenantId + " is approved for another Gatehouse company. "
                            + "Contact the support team.");
        }
        return new Result(true, "Gatehouse is approved for your organization",
                "People of your organization can now use Sign in with Microsoft.");
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
