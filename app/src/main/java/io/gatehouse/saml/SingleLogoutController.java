package io.gatehouse.saml;

import io.gatehouse.tenancy.Company;
import io.gatehouse.tenancy.CompanyId;
import io.gatehouse.tenancy.CompanyService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * Our SingleLogoutService, {@code GET /saml/{company}/slo}: the IdP's LogoutRequest or LogoutResponse over the
 * HTTP-Redirect binding (the signature is over the query string as it arrived). Signing out here starts at
 * {@code POST /logout} ({@link SignOutThroughIdp}).
 */
@Controller
class SingleLogoutController {

    private final CompanyService companies;
    private final SingleLogout logout;

    SingleLogoutController(CompanyService companies, SingleLogout logout) {
        this.companies = companies;
        this.logout = logout;
    }

    @GetMapping("/saml/{company}/slo")
    ModelAndView singleLogoutService(@PathVariable("company") String companyId, HttpServletRequest request,
                                     HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Optional<Company> company = CompanyId.parse(companyId).flatMap(companies::find);
        if (company.isEmpty()) {
            response.setStatus(404);
            return new ModelAndView("saml/no-sso");
        }
        SingleLogout.Outcome outcome = logout.receive(company.get(), request.getQueryString());
        if (outcome.refused() != null) {
            response.setStatus(403);
            return new ModelAndView("saml/refused").addObject("page", outcome.refused().page())
                    .addObject("reference", outcome.refused().reference())
                    .addObject("check", outcome.refused().check());
        }
        HttpSession session = request.getSession(false);
        if (session != null && belongsTo(session, company.get().id())) {
            session.invalidate(); // this browser's own session ends here too (the others were deleted by principal)
        }
        return SamlController.redirect(outcome.redirect());
    }

    static boolean belongsTo(HttpSession session, CompanyId company) {
        Object principal = session.getAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME);
        return SignedInUser.parse(principal instanceof String name ? name : null)
                .map(user -> user.company().equals(company)).orElse(false);
    }
}
