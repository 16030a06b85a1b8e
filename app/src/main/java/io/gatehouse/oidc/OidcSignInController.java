package io.gatehouse.oidc;

import io.gatehouse.saml.SignInMethod;
import io.gatehouse.saml.SignInSessions;
import io.gatehouse.tenancy.Company;
import io.gatehouse.tenancy.CompanyId;
import io.gatehouse.tenancy.CompanyService;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * "Sign in with Microsoft": {@code /oidc/login} (the login page's button; Entra's tenant id then selects the
 * company), {@code /oidc/{company}/login} (a company's own link: refused up front while nobody approved) and
 * the redirect URI {@code /oidc/callback} (also where an admin consent proof returns, see {@link AdminConsent}).
 * The pending sign-in is bound to this browser by a short-lived cookie, so a state cannot be finished in
 * another browser (login CSRF).
 */
@Controller
class OidcSignInController {

    static final String BROWSER_COOKIE = "GATEHOUSE_OIDC";

    private final OidcSignIn signIn;
    private final OidcSettings settings;
    private final CompanyService companies;
    private final NeedApproval needApproval;
    private final AdminConsentController adminConsent;
    private final SignInSessions sessions;
    private final boolean secureCookies;

    OidcSignInController(OidcSignIn signIn, OidcSettings settings, CompanyService companies,
                         NeedApproval needApproval, AdminConsentController adminConsent, SignInSessions sessions,
                         @Value("${server.servlet.session.cookie.secure:true}") boolean secureCookies) {
        this.signIn = signIn;
        this.settings = settings;
        this.companies = companies;
        this.needApproval = needApproval;
        this.adminConsent = adminConsent;
        this.sessions = sessions;
        this.secureCookies = secureCookies;
    }

    @GetMapping("/oidc/login")
    ModelAndView login(@RequestParam(required = false) String target, HttpServletRequest request,
                       HttpServletResponse response) {
        if (!signIn.available()) {
            return notAvailable(response, null);
        }
        return toEntra(null, target, request, response);
    }

    @GetMapping("/oidc/{company}/login")
    ModelAndView companyLogin(@PathVariable("company") String companyId, @RequestParam(required = false) String target,
                              HttpServletRequest request, HttpServletResponse response) {
        Optional<Company> company = CompanyId.parse(companyId).flatMap(companies::find);
        if (!signIn.available() || company.isEmpty() || !settings.of(company.get().id()).enabled()) {
            return notAvailable(response, company.map(Company::name).orElse(null));
        }
        if (!settings.of(company.get().id()).approved()) {
            response.setStatus(403);
            return needApproval.page(company.get().id(), null, null);
        }
        return toEntra(company.get().id(), target, request, response);
    }

    /** The redirect URI: Entra sends the browser back here with code and state, or with an error. */
    @GetMapping("/oidc/callback")
    ModelAndView callback(@RequestParam(required = false) String state, @RequestParam(required = false) String code,
                          @RequestParam(required = false) String error,
                          @RequestParam(name = "error_description", required = false) String errorDescription,
                          Authentication authentication, HttpServletRequest request,
                          HttpServletResponse response) {
        noStore(response);
        if (!signIn.available()) {
            return notAvailable(response, null);
        }
        OidcSignIn.Outcome outcome = signIn.finish(state, code, error, errorDescription, browserSecret(request));
        if (outcome instanceof OidcSignIn.Outcome.ConsentProof proof) {
            // An administrator confirming the tenant they approved: binds or refuses, never signs anyone in.
            return adminConsent.prove(proof.pending(), code, error, errorDescription, authentication, request,
                    response);
        }
        if (outcome instanceof OidcSignIn.Outcome.SignedIn s) {
            sessions.establish(s.company(), s.userId(), null, SignInMethod.MICROSOFT, request, response);
            return redirect(s.target());
        }
        if (outcome instanceof OidcSignIn.Outcome.NeedsApproval n) {
            response.setStatus(403);
            return needApproval.page(n.company(), n.idpErrorCode(), n.reference());
        }
        OidcSignIn.Outcome.Refused r = (OidcSignIn.Outcome.Refused) outcome;
        response.setStatus(r.status());
        return new ModelAndView("saml/refused").addObject("page", r.page()).addObject("reference", r.reference());
    }

    private ModelAndView toEntra(CompanyId company, String target, HttpServletRequest request,
                                 HttpServletResponse response) {
        noStore(response);
        String secret = browserSecret(request);
        if (secret == null) {
            secret = OidcSignIn.random(32);
        }
        // Path /oidc: sent back only to the callback; Lax: sent on Entra's top-level redirect to us.
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(BROWSER_COOKIE, secret).path("/oidc")
                .httpOnly(true).secure(secureCookies).sameSite("Lax")
                .maxAge(PendingAuthorizations.LIFETIME).build().toString());
        try {
            return redirect(signIn.start(company, target, secret));
        } catch (EntraProvider.Unavailable e) {
            response.setStatus(502);
            return new ModelAndView("saml/refused")
                    .addObject("page", OidcPages.forRefusal(OidcRefusal.PROVIDER_UNAVAILABLE, null, "/login"));
        }
    }

    private static ModelAndView notAvailable(HttpServletResponse response, String companyName) {
        response.setStatus(404);
        return new ModelAndView("oidc/not-available").addObject("companyName", companyName);
    }

    private static String browserSecret(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (BROWSER_COOKIE.equals(c.getName()) && c.getValue() != null && c.getValue().length() <= 64) {
                return c.getValue();
            }
        }
        return null;
    }

    static ModelAndView redirect(String url) {
        RedirectView view = new RedirectView(url);
        view.setExpandUriTemplateVariables(false);
        view.setExposeModelAttributes(false);
        view.setStatusCode(HttpStatus.FOUND);
        return new ModelAndView(view);
    }

    static void noStore(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
