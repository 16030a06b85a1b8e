package io.gatehouse.provider;

import io.gatehouse.application.ProductApplication;
import io.gatehouse.application.ProductApplications;
import io.gatehouse.directory.DirectoryLock;
import io.gatehouse.directory.UserRecord;
import io.gatehouse.directory.UserRepository;
import io.gatehouse.oidc.AdminConsent;
import io.gatehouse.oidc.OidcSettings;
import io.gatehouse.saml.EmailDomains;
import io.gatehouse.saml.SafeTarget;
import io.gatehouse.saml.SamlConnectionService;
import io.gatehouse.saml.SignedInUser;
import io.gatehouse.tenancy.CompanyId;
import io.gatehouse.tenancy.CompanyService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Which company a product's authorization request is for, and that company's own sign-in.
 *
 * <p>The company comes from {@code organization=<company id>}, else from the domain of {@code login_hint} (the
 * companies' email domains), else the person is asked for their work email ({@link WorkEmailPageController}).
 * The sign-in is the company's SAML connection (SP-initiated), else "Sign in with Microsoft" when the company has
 * it on, else the password sign-in while the directory is not managed by the identity provider. Each of them ends
 * by establishing the session (saml.SignInSessions, console.LocalSessions) and redirecting to the target it was
 * given: the authorization request itself, which then resumes and yields the code. The sign-ins replace the
 * session (session fixation protection), so the request travels as that target rather than in the session.
 *
 * <p>{@link #guard()} runs before the authorization endpoint: a session of another company than the one asked
 * for, of a company the application does not serve, of a user deactivated since, or a request with
 * {@code prompt=login} counts as no session, so the right company's sign-in runs instead; a code is only ever
 * issued for the company of the session.
 */
@Component
class CompanySignIn implements AuthenticationEntryPoint {

    static final String AUTHORIZE = "/oauth2/authorize";
    /** SafeTarget's limit: the longest authorization request that can travel through a sign-in. */
    static final int MAX_TARGET = 1024;

    private final CompanyService companies;
    private final EmailDomains domains;
    private final SamlConnectionService saml;
    private final OidcSettings microsoft;
    private final AdminConsent microsoftConfigured;
    private final DirectoryLock lock;
    private final ProductApplications applications;
    private final UserRepository users;
    private final ProviderPages pages;

    CompanySignIn(CompanyService companies, EmailDomains domains, SamlConnectionService saml, OidcSettings microsoft,
                  AdminConsent microsoftConfigured, DirectoryLock lock, ProductApplications applications,
                  UserRepository users, ProviderPages pages) {
        this.companies = companies;
        this.domains = domains;
        this.saml = saml;
        this.microsoft = microsoft;
        this.microsoftConfigured = microsoftConfigured;
        this.lock = lock;
        this.applications = applications;
        this.users = users;
        this.pages = pages;
    }

    /** A requested company: {@code organization} if it is a company's id, else by {@code login_hint}'s domain. */
    Optional<CompanyId> requestedCompany(HttpServletRequest request) {
        String organization = request.getParameter("organization");
        if (organization != null) {
            return CompanyId.parse(organization.strip()).filter(id -> companies.find(id).isPresent());
        }
        String hint = request.getParameter("login_hint");
        if (hint != null && hint.length() <= 320 && hint.contains("@")) {
            return domains.companyOf(hint.strip());
        }
        return Optional.empty();
    }

    /** Called by the provider's chain when the authorization request has no (usable) session. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String query = request.getQueryString();
        String target = AUTHORIZE + "?" + (query == null ? "" : query);
        if (!"GET".equals(request.getMethod()) || target.length() > MAX_TARGET
                || !SafeTarget.orDefault(target).equals(target)) {
            pages.refuse(response, 400, "This sign-in request cannot be continued",
                    "The application sent a sign-in request that is too long or not a plain GET request. "
                            + "Go back to the application and try again.");
            return;
        }
        Optional<CompanyId> company = requestedCompany(request);
        if (company.isEmpty()) {
            boolean askedFor = request.getParameter("organization") != null
                    || request.getParameter("login_hint") != null;
            response.sendRedirect("/oauth2/sign-in?continue=" + enc(target) + (askedFor ? "&unknown" : ""));
            return;
        }
        Optional<ProductApplication> app = applications.findByClientId(request.getParameter("client_id"));
        if (app.isEmpty() || !app.get().serves(company.get())) {
            pages.refuse(response, 403, "This application is not available for your organization",
                    "Your organization does not use this application through {product}. Ask your administrator.");
            return;
        }
        Optional<String> signIn = signInUrl(company.get(), target);
        if (signIn.isEmpty()) {
            pages.refuse(response, 403, "Single sign-on is not set up for your organization",
                    "Your organization has no sign-in method for this application yet. Ask your administrator.");
            return;
        }
        response.sendRedirect(signIn.get());
    }

    private Optional<String> signInUrl(CompanyId company, String target) {
        String t = "?target=" + enc(target);
        if (saml.report(company).isPresent()) {
            return Optional.of("/saml/" + company + "/login" + t);
        }
        if (microsoftConfigured.available() && microsoft.of(company).enabled()) {
            return Optional.of("/oidc/" + company + "/login" + t);
        }
        if (!lock.managedByIdentityProvider(company)) {
            return Optional.of("/login" + t);
        }
        return Optional.empty();
    }

    /** Hides a session that must not answer this authorization request (see the class comment). */
    OncePerRequestFilter guard() {
        SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !AUTHORIZE.equals(request.getRequestURI());
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                Authentication auth = holder.getContext().getAuthentication();
                if (auth != null && auth.isAuthenticated() && !usable(auth, request)) {
                    holder.setContext(holder.createEmptyContext());
                }
                chain.doFilter(request, response);
            }
        };
    }

    private boolean usable(Authentication auth, HttpServletRequest request) {
        Optional<SignedInUser> who = SignedInUser.parse(auth.getName());
        if (who.isEmpty()) {
            return false; // e.g. a support operator's session
        }
        String prompt = request.getParameter("prompt");
        if (prompt != null && prompt.contains("login")) {
            return false;
        }
        Optional<CompanyId> requested = requestedCompany(request);
        if (requested.isPresent() && !requested.get().equals(who.get().company())) {
            return false;
        }
        if (requested.isEmpty() && (request.getParameter("organization") != null)) {
            return false;
        }
        Optional<ProductApplication> app = applications.findByClientId(request.getParameter("client_id"));
        if (app.isPresent() && !app.get().serves(who.get().company())) {
            return false;
        }
        return users.find(who.get().company(), who.get().userId()).filter(UserRecord::active).isPresent();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
