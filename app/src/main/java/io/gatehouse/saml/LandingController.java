package io.gatehouse.saml;

import io.gatehouse.directory.UserRecord;
import io.gatehouse.directory.UserRepository;
import io.gatehouse.tenancy.Company;
import io.gatehouse.tenancy.CompanyService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The signed-in person's landing page (Spaces arrive with the console). The user is read fresh on every
 * visit: a user deactivated or deleted since sign-in is signed out here even if a session survived.
 */
@Controller
class LandingController {

    private final UserRepository users;
    private final CompanyService companies;

    LandingController(UserRepository users, CompanyService companies) {
        this.users = users;
        this.companies = companies;
    }

    @GetMapping("/app")
    ModelAndView landing(Authentication authentication, HttpServletRequest request) {
        Optional<SignedInUser> who = SignedInUser.parse(authentication == null ? null : authentication.getName());
        Optional<UserRecord> user = who.flatMap(w -> users.find(w.company(), w.userId())).filter(UserRecord::active);
        Optional<Company> company = who.flatMap(w -> companies.find(w.company()));
        if (user.isEmpty() || company.isEmpty()) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            return SamlController.redirect("/login");
        }
        return new ModelAndView("saml/app")
                .addObject("displayName", user.get().displayName())
                .addObject("companyName", company.get().name());
    }
}
