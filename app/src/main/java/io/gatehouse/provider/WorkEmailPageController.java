package io.gatehouse.provider;

import io.gatehouse.saml.EmailDomains;
import io.gatehouse.saml.SafeTarget;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /oauth2/sign-in}: an authorization request that names no company asks for the person's work email, then
 * continues with it as {@code login_hint} (CompanySignIn picks the company by its domain). Only a continuation back
 * to the authorization endpoint is followed. An unknown domain gets the same answer as a company without sign-in,
 * so the page does not tell which domains are customers.
 */
@Controller
class WorkEmailPageController {

    static final String UNKNOWN = "We could not find your organization's sign-in for this email address. "
            + "Check it, or ask your administrator.";

    private final EmailDomains domains;

    WorkEmailPageController(EmailDomains domains) {
        this.domains = domains;
    }

    @GetMapping("/oauth2/sign-in")
    ModelAndView page(@RequestParam(name = "continue", required = false) String next,
                      @RequestParam(required = false) String email, @RequestParam(required = false) String unknown,
                      HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        if (next == null || !next.startsWith(CompanySignIn.AUTHORIZE + "?") || next.length() > CompanySignIn.MAX_TARGET
                || !SafeTarget.orDefault(next).equals(next)) {
            response.setStatus(400);
            return new ModelAndView("provider/refused").addObject("title", "This sign-in request cannot be continued")
                    .addObject("message", "Go back to the application and start the sign-in again.");
        }
        ModelAndView page = new ModelAndView("provider/sign-in").addObject("continue", next);
        if (email == null) {
            return unknown == null ? page : page.addObject("error", UNKNOWN);
        }
        String trimmed = email.strip();
        if (trimmed.isEmpty() || trimmed.length() > 320 || !trimmed.contains("@")) {
            response.setStatus(400);
            return page.addObject("error", "Enter your work email address, such as name@company.com.");
        }
        if (domains.companyOf(trimmed).isEmpty()) {
            return page.addObject("error", UNKNOWN);
        }
        String resumed;
        try {
            resumed = UriComponentsBuilder.fromUriString(next).replaceQueryParam("organization")
                    .replaceQueryParam("login_hint", CompanySignIn.enc(trimmed)).build(true).toUriString();
        } catch (IllegalArgumentException malformed) {
            response.setStatus(400);
            return new ModelAndView("provider/refused").addObject("title", "This sign-in request cannot be continued")
                    .addObject("message", "Go back to the application and start the sign-in again.");
        }
        RedirectView view = new RedirectView(resumed);
        view.setExpandUriTemplateVariables(false);
        view.setExposeModelAttributes(false);
        view.setStatusCode(HttpStatus.FOUND);
        return new ModelAndView(view);
    }
}
