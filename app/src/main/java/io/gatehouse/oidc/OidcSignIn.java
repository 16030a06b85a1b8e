package io.gatehouse.oidc;

import io.gatehouse.saml.EntraErrors;
import io.gatehouse.saml.LoginLog;
import io.gatehouse.saml.RefusalPage;
import io.gatehouse.saml.SafeTarget;
import io.gatehouse.tenancy.Company;
import io.gatehouse.tenancy.CompanyId;
import io.gatehouse.tenancy.CompanyService;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * "Sign in with Microsoft": starts the authorization code flow (state, nonce and PKCE verifier kept in
 * oidc_pending) and finishes it when Entra sends the browser back. The outcome is a user to sign in or a
 * page for the person; every attempt whose company is known goes to that company's sign-in log.
 */
@Service
class OidcSignIn {

    /** What the callback came to. */
    sealed interface Outcome {
        record SignedIn(CompanyId company, java.util.UUID userId, String target) implements Outcome {}

        record Refused(RefusalPage page, String reference, int status) implements Outcome {}

        record NeedsApproval(CompanyId company, String idpErrorCode, String reference) implements Outcome {}

        /** The state was an admin consent proof: {@link AdminConsent#prove} finishes it; nobody is signed in. */
        record ConsentProof(Pending pending) implements Outcome {}
    }

    /** Entra's answers that mean "the organization has not consented": OAuth error or AADSTS code. */
    private static final Pattern CONSENT_CODES = Pattern.compile("AADSTS(65001|90094|90095)\\b");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String START_OVER = "/login";

    private final OidcProperties properties;
    private final EntraProvider provider;
    private final PendingAuthorizations pending;
    private final IdTokenValidator validator;
    private final OidcSettings settings;
    private final OidcUserLinker linker;
    private final LoginLog log;
    private final CompanyService companies;
    private final Clock clock;

    OidcSignIn(OidcProperties properties, EntraProvider provider, PendingAuthorizations pending,
               IdTokenValidator validator, OidcSettings settings, OidcUserLinker linker, LoginLog log,
               CompanyService companies, Clock clock) {
        this.properties = properties;
        this.provider = provider;
        this.pending = pending;
        this.validator = validator;
        this.settings = settings;
        this.linker = linker;
        this.log = log;
        this.companies = companies;
        this.clock = clock;
    }

    boolean available() {
        return properties.configured();
    }

    /** Records a new pending sign-in bound to this browser and returns the URL of Entra's sign-in page. */
    String start(CompanyId company, String target, String browserSecret) {
        String verifier = random(32);
        Pending p = new Pending(random(24), Pending.Kind.SIGN_IN, company, null, sha256(browserSecret),
                random(24), verifier, SafeTarget.orDefault(target), clock.instant().plus(PendingAuthorizations.LIFETIME));
        String url = provider.authorizationUri(p, codeChallenge(verifier));
        pending.save(p);
        return url;
    }

    Outcome finish(String state, String code, String error, String errorDescription, String browserSecret) {
        Optional<Pending> taken = pending.take(state);
        if (taken.isPresent() && taken.get().kind() == Pending.Kind.CONSENT_PROOF) {
            return new Outcome.ConsentProof(taken.get());
        }
        taken = taken.filter(p -> p.kind() == Pending.Kind.SIGN_IN)
                .filter(p -> browserSecret != null && MessageDigest.isEqual(
                        p.browserBinding().getBytes(), sha256(browserSecret).getBytes()));
        if (taken.isEmpty()) {
            return new Outcome.Refused(new RefusalPage("This sign-in has expired",
                    "This sign-in was already used, has expired, or was started in another browser. Please start "
                            + "again.", null, null, START_OVER), null, 400);
        }
        Pending p = taken.get();
        if (error != null) {
            return providerError(p, error, errorDescription);
        }
        if (code == null || code.isBlank()) {
            return refuse(p.company(), OidcRefusal.PROVIDER_ERROR, "the provider sent neither a code nor an error",
                    null, null, null);
        }
        String idToken;
        IdTokenValidator.Verified token;
        try {
            idToken = provider.exchange(p, code);
            token = validator.validate(idToken, p.nonce());
        } catch (EntraProvider.Unavailable e) {
            return refuse(p.company(), OidcRefusal.PROVIDER_UNAVAILABLE, e.getMessage(), null, null, null);
        } catch (IdTokenValidator.Invalid e) {
            return refuse(p.company(), e.code, e.getMessage(), e.expected, e.actual, null);
        }
        return signIn(p, token);
    }

    private Outcome signIn(Pending p, IdTokenValidator.Verified token) {
        String who = token.preferredUsername() != null ? token.preferredUsername() : token.objectId();
        Optional<OidcSetting> bound = settings.byTenant(token.tenantId());
        if (bound.isEmpty()) {
            String reference = p.company() == null ? null : logRefusal(p.company(),
                    OidcRefusal.TENANT_NOT_APPROVED, "tenant " + token.tenantId() + " is not approved for any company",
                    null, token.tenantId(), who);
            return new Outcome.NeedsApproval(p.company(), null, reference);
        }
        if (!bound.get().enabled()) {
            return refuse(bound.get().company(), OidcRefusal.METHOD_OFF, "the company has switched Sign in with "
                    + "Microsoft off", null, token.tenantId(), who);
        }
        CompanyId company = bound.get().company();
        if (p.company() != null && !p.company().equals(company)) {
            return refuse(p.company(), OidcRefusal.TENANT_MISMATCH, "the token's tenant " + token.tenantId()
                    + " is approved for another company", null, token.tenantId(), who);
        }
        OidcUserLinker.Link link = linker.link(company, bound.get().linkBy(), token);
        if (link.user() == null) {
            return refuse(company, link.refusal(), link.detail(), null, null, who);
        }
        log.record(company, new LoginLog.Entry("SUCCESS", "Sign in with Microsoft: " + link.detail(), null, null,
                who, link.user().id()));
        return new Outcome.SignedIn(company, link.user().id(), p.target());
    }

    private Outcome providerError(Pending p, String error, String description) {
        String text = error + (description == null ? "" : ": " + description);
        java.util.regex.Matcher consent = CONSENT_CODES.matcher(description == null ? "" : description);
        boolean consentCode = consent.find();
        if ("consent_required".equals(error) || consentCode) {
            String reference = p.company() == null ? null : logRefusal(p.company(), OidcRefusal.CONSENT_REQUIRED,
                    text, null, null, null);
            return new Outcome.NeedsApproval(p.company(), consentCode ? consent.group() : error, reference);
        }
        String reference = p.company() == null ? null
                : logRefusal(p.company(), OidcRefusal.PROVIDER_ERROR, text, null, null, null);
        return new Outcome.Refused(EntraErrors.forMessage(description, START_OVER), reference, 403);
    }

    private Outcome refuse(CompanyId company, OidcRefusal code, String detail, String expected, String actual,
                           String who) {
        String reference = company == null ? null : logRefusal(company, code, detail, expected, actual, who);
        String companyName = company == null ? null : companies.find(company).map(Company::name).orElse(null);
        return new Outcome.Refused(OidcPages.forRefusal(code, companyName, START_OVER), reference,
                code == OidcRefusal.PROVIDER_UNAVAILABLE ? 502 : 403);
    }

    private String logRefusal(CompanyId company, OidcRefusal code, String detail, String expected, String actual,
                              String who) {
        return log.record(company, new LoginLog.Entry(code.name(), "Sign in with Microsoft: " + detail, expected,
                actual, who, null));
    }

    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String sha256(String value) {
        return IdTokenValidator.sha256(value);
    }

    /** PKCE S256: base64url(SHA-256(verifier)). */
    static String codeChallenge(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256Bytes(verifier));
    }

    private static byte[] sha256Bytes(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
