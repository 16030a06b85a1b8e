package io.gatehouse.oidc;

import io.gatehouse.saml.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Entra's redirect back after admin consent ({@code <base>/oidc/consent/callback}); the proof that follows
 * comes back to the sign-in redirect URI and is handed here by {@link OidcSignInController}.
 */
@Controller
class AdminConsentController {

    private final AdminConsent consent;

    AdminConsentController(AdminConsent consent) {
        this.consent = consent;
    }

    @GetMapping("/oidc/consent/callback")
    ModelAndView callback(@RequestParam(required = false) String state,
                          @RequestParam(name = "admin_consent", required = false) String adminConsent,
                          @RequestParam(required = false) String tenant, @RequestParam(required = false) String error,
                          @RequestParam(name = "error_description", required = false) String errorDescription,
                          Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        OidcSignInController.noStore(response);
        Optional<SignedInUser> who = SignedInUser.parse(authentication == null ? null : authentication.getName());
        HttpSession session = request.getSession(false);
        AdminConsent.Result result;
        if (!consent.available()) {
            result = AdminConsent.Result.failed("Sign in with Microsoft is not available",
                    "This {product} service is not set up for Sign in with Microsoft.");
        } else if (who.isEmpty() || session == null) {
            result = signInFirst();
        } else {
            result = consent.finish(who.get().company(), who.get().userId(), session.getId(), state, adminConsent,
                    tenant, error, errorDescription);
        }
        return page(result, response);
    }

    /** Second leg: the authorization response of a consent proof, at the sign-in redirect URI. */
    ModelAndView prove(Pending proof, String code, String error, String errorDescription,
                       Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        Optional<SignedInUser> who = SignedInUser.parse(authentication == null ? null : authentication.getName());
        HttpSession session = request.getSession(false);
        AdminConsent.Result result = who.isEmpty() || session == null ? signInFirst()
                : consent.prove(proof, who.get().company(), who.get().userId(), session.getId(), code, error,
                errorDescription);
        return page(result, response);
    }

    private static AdminConsent.Result signInFirst() {
        return AdminConsent.Result.failed("Sign in first",
                "Your {product} session ended before Microsoft sent you back. Sign in to {product} and start the "
                        + "approval again from Single sign-on settings.");
    }

    private static ModelAndView page(AdminConsent.Result result, HttpServletResponse response) {
        if (result.proveAt() != null) {
            return OidcSignInController.redirect(result.proveAt());
        }
        if (result.approved()) {
            return OidcSignInController.redirect("/console/settings/sso?approved");
        }
        response.setStatus(400);
        return new ModelAndView("oidc/consent-failed").addObject("result", result);
    }
}
