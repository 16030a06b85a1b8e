package io.gatehouse.saml;

import io.gatehouse.tenancy.CompanyId;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The login page: the person types their work email, the domain finds their company, and the browser goes
 * on to that company's IdP. Unknown domains and companies without SSO get the same answer, so the page
 * does not reveal which domains are customers.
 */
@Controller
class LoginPageController {

    private final EmailDomains domains;
    private final SamlConnectionRepository connections;

    LoginPageController(EmailDomains domains, SamlConnectionRepository connections) {
        this.domains = domains;
        this.connections = connections;
    }

    @GetMapping("/login")
    ModelAndView page(@RequestParam(required = false) String target,
                      @RequestParam(required = false) String signedOut) {
        return new ModelAndView("saml/login")
                .addObject("target", SafeTarget.orDefault(target))
                .addObject("signedOut", signedOut != null);
    }

    @PostMapping("/login")
    ModelAndView findCompany(@RequestParam(required = false) String email,
                             @RequestParam(required = false) String target, HttpServletResponse response) {
        String safeTarget = SafeTarget.orDefault(target);
        if (email == null || email.isBlank() || email.length() > 320 || !email.contains("@")) {
            response.setStatus(400);
            return new ModelAndView("saml/login").addObject("target", safeTarget).addObject("signedOut", false)
                    .addObject("error", "Enter your work email address, such as name@company.com.");
        }
        Optional<CompanyId> company = domains.companyOf(email).filter(c -> connections.find(c).isPresent());
        if (company.isEmpty()) {
            return new ModelAndView("saml/no-sso").addObject("email", email.trim());
        }
        return SamlController.redirect("/saml/" + company.get() + "/login?target="
                + URLEncoder.encode(safeTarget, StandardCharsets.UTF_8));
    }
}
