package io.gatehouse.oidc;

import io.gatehouse.access.AccessPolicy;
import io.gatehouse.access.Permission;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.directory.UserRecord;
import io.gatehouse.directory.UserRepository;
import io.gatehouse.tenancy.CompanyId;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Admin consent ("Approve for my organization") in two legs, both bound to the administrator's session, company
 * and user by single-use states:
 * <ol>
 * <li>a person with MANAGE_COMPANY_SETTINGS is sent to Entra's admin consent endpoint; Entra sends them back
 *     with {@code admin_consent=True} and a {@code tenant} parameter, which is <em>not signed</em>;</li>
 * <li>so nothing is bound yet: the same browser goes on to an authorization code request with PKCE and nonce
 *     (a {@link Pending.Kind#CONSENT_PROOF} request, never a sign-in), and only when the strictly validated ID
 *     token's {@code tid} equals the consented tenant is the tenant bound to the company and the approval
 *     audited. A mismatch or a failed token binds nothing and is audited as a refusal.</li>
 * </ol>
 * The token is requested at the multi-tenant {@code organizations} authority, so its {@code tid} is the home
 * tenant of the Microsoft account used: a guest in another organization's directory cannot prove that one.
 */
@Service
public class AdminConsent {

    /**
     * How a return from Entra ended: approved, refused (a page for the person), or to continue at
     * {@code proveAt} (the authorization request that confirms the consented tenant).
     */
    public record Result(boolean approved, String title, String message, String proveAt) {
        static Result failed(String title, String message) {
            return new Result(false, title, message, null);
        }

        static Result prove(String authorizationUri) {
            return new Result(false, null, null, authorizationUri);
        }
    }

    static final String AUDIT_ACTION = "OIDC_ADMIN_CONSENT_GRANTED";
    static final String AUDIT_REFUSED = "OIDC_ADMIN_CONSENT_REFUSED";

    private final OidcProperties properties;
    private final EntraProvider provider;
    private final IdTokenValidator validator;
    private final PendingAuthorizations pending;
    private final OidcSettings settings;
    private final AccessPolicy policy;
    private final UserRepository users;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    AdminConsent(OidcProperties properties, EntraProvider provider, IdTokenValidator validator,
                 PendingAuthorizations pending, OidcSettings settings, AccessPolicy policy, UserRepository users,
                 AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.properties = properties;
        this.provider = provider;
        this.validator = validator;
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

    /**
     * First leg back: Entra's admin consent answer. On {@code admin_consent=True} the answer's tenant is only a
     * claim; the result is the authorization request that must confirm it ({@link Result#proveAt()}).
     */
    Result finish(CompanyId company, UUID userId, String sessionId, String state, String adminConsent,
                  String tenant, String error, String errorDescription) {
        Optional<Pending> taken = pending.take(state)
                .filter(p -> p.kind() == Pending.Kind.CONSENT)
                .filter(p -> boundTo(p, company, userId, sessionId));
        if (taken.isEmpty()) {
            return expired();
        }
        if (!policy.may(company, userId, Permission.MANAGE_COMPANY_SETTINGS)) {
            return noPermission();
        }
        if (error != null) {
            return Result.failed("{product} was not approved",
                    "Microsoft answered: " + (("access_denied".equals(error) || "permission_denied".equals(error))
                            ? "the approval was cancelled or refused. Only a Global Administrator, Privileged Role "
                            + "Administrator or Cloud Application Administrator of your organization can approve."
                            : error) + (errorDescription == null ? "" : " (" + abbreviate(errorDescription) + ")"));
        }
        if (!"true".equalsIgnoreCase(adminConsent) || tenant == null || !IdTokenValidator.TENANT_ID.matcher(tenant).matches()) {
            return refuse(company, userId, "the admin consent answer carried no valid tenant id ("
                    + abbreviate(String.valueOf(tenant)) + ")", "{product} was not approved",
                    "Microsoft did not confirm an approval for your organization. Please try again.");
        }
        String tenantId = tenant.toLowerCase(Locale.ROOT);
        String verifier = OidcSignIn.random(32);
        Pending proof = new Pending(OidcSignIn.random(24), Pending.Kind.CONSENT_PROOF, company, userId,
                OidcSignIn.sha256(sessionId), OidcSignIn.random(24), verifier, tenantId,
                clock.instant().plus(PendingAuthorizations.LIFETIME));
        String url;
        try {
            url = provider.authorizationUri(proof, OidcSignIn.codeChallenge(verifier));
        } catch (EntraProvider.Unavailable e) {
            return Result.failed("Microsoft could not be reached", "{product} could not reach Microsoft to confirm "
                    + "your organization. Please try again in a few minutes.");
        }
        pending.save(proof);
        return Result.prove(url);
    }

    /**
     * Second leg back, at the sign-in redirect URI with a {@link Pending.Kind#CONSENT_PROOF} state: binds the
     * consented tenant only if a verified ID token of that very tenant arrives. Never signs anyone in.
     */
    Result prove(Pending proof, CompanyId company, UUID userId, String sessionId, String code, String error,
                 String errorDescription) {
        if (proof.kind() != Pending.Kind.CONSENT_PROOF || !boundTo(proof, company, userId, sessionId)) {
            return expired();
        }
        String consented = proof.target();
        if (error != null || code == null || code.isBlank()) {
            return refuse(company, userId, "confirming tenant " + consented + " failed: Microsoft answered "
                    + (error == null ? "no code" : error) + (errorDescription == null ? ""
                    : " (" + abbreviate(errorDescription) + ")"), "{product} was not approved",
                    "Microsoft did not confirm your sign-in, so your organization was not connected. Please try "
                            + "again.");
        }
        IdTokenValidator.Verified token;
        try {
            token = validator.validate(provider.exchange(proof, code), proof.nonce());
        } catch (EntraProvider.Unavailable e) {
            return refuse(company, userId, "confirming tenant " + consented + " failed: " + e.getMessage(),
                    "Microsoft could not be reached", "{product} could not confirm your organization with "
                            + "Microsoft. Please try again in a few minutes.");
        } catch (IdTokenValidator.Invalid e) {
            return refuse(company, userId, "confirming tenant " + consented + " failed: " + e.code + ", "
                    + e.getMessage(), "{product} was not approved", "Microsoft's answer could not be verified, so "
                    + "your organization was not connected. Please try again.");
        }
        String account = token.preferredUsername() != null ? token.preferredUsername() : token.objectId();
        if (!consented.equals(token.tenantId())) {
            return refuse(company, userId, "the admin consent answer named tenant " + consented
                    + " but the verified ID token (" + account + ") is of tenant " + token.tenantId(),
                    "{product} was not approved", "The Microsoft account you signed in with does not belong to "
                            + "the organization that was approved. Approve again and sign in with an account of "
                            + "that organization.");
        }
        if (!policy.may(company, userId, Permission.MANAGE_COMPANY_SETTINGS)) {
            return noPermission();
        }
        String actor = actor(company, userId);
        try {
            tx.executeWithoutResult(s -> {
                settings.approve(company, consented, actor);
                audit.record(company, actor, AUDIT_ACTION, "Sign in with Microsoft approved for Entra tenant "
                        + consented + " (confirmed by the ID token of " + account + ")");
            });
        } catch (DuplicateKeyException e) {
            return refuse(company, userId, "Entra tenant " + consented + " is approved for another company",
                    "This organization is already connected to another company", "The Microsoft Entra tenant "
                            + consented + " is approved for another {product} company. Contact the support team.");
        }
        return new Result(true, "{product} is approved for your organization",
                "People of your organization can now use Sign in with Microsoft.", null);
    }

    private static boolean boundTo(Pending p, CompanyId company, UUID userId, String sessionId) {
        return company.equals(p.company()) && userId.equals(p.userId()) && sessionId != null
                && MessageDigest.isEqual(p.browserBinding().getBytes(), OidcSignIn.sha256(sessionId).getBytes());
    }

    private Result refuse(CompanyId company, UUID userId, String detail, String title, String message) {
        audit.record(company, actor(company, userId), AUDIT_REFUSED, "Sign in with Microsoft not approved: "
                + detail);
        return Result.failed(title, message);
    }

    private String actor(CompanyId company, UUID userId) {
        return users.find(company, userId).map(UserRecord::userName).orElse(userId.toString());
    }

    private static Result expired() {
        return Result.failed("This approval link has expired",
                "The answer from Microsoft does not belong to an approval you started in this browser, or it "
                        + "was already used. Start the approval again from Single sign-on settings.");
    }

    private static Result noPermission() {
        return Result.failed("You can no longer change these settings",
                "Approving {product} for the organization needs the \"Manage company settings\" permission.");
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
