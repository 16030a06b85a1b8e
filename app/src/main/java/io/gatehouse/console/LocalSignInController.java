package io.gatehouse.console;

import io.gatehouse.access.LocalLogin;
import io.gatehouse.access.PasswordRejectedException;
import io.gatehouse.access.SetupLinkException;
import io.gatehouse.access.SetupLinks;
import io.gatehouse.saml.SafeTarget;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Password sign-in for break-glass administrators: the setup link's page, where they choose a password, and
 * the password form of the login page. Every failed sign-in gets the same answer.
 */
@Controller
class LocalSignInController {

    static final String FAILED = "The email address or password is not correct.";

    private final SetupLinks links;
    private final LocalLogin login;
    private final LocalSessions sessions;
    private final SignInThrottle throttle;

    LocalSignInController(SetupLinks links, LocalLogin login, LocalSessions sessions, SignInThrottle throttle) {
        this.links = links;
        this.login = login;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    @GetMapping("/setup/{token}")
    ModelAndView setupPage(@PathVariable String token, HttpServletResponse response) {
        try {
            SetupLinks.LinkInfo info = links.check(token);
            return new ModelAndView("console/setup").addObject("userName", info.userName())
                    .addObject("expiresAt", info.expiresAt());
        } catch (SetupLinkException e) {
            response.setStatus(410);
            return new ModelAndView("console/setup-invalid").addObject("message", e.getMessage());
        }
    }

    @PostMapping("/setup/{token}")
    ModelAndView setPassword(@PathVariable String token, @RequestParam(required = false) String password,
                             @RequestParam(required = false) String confirm, HttpServletRequest request,
                             HttpServletResponse response) {
        SetupLinks.LinkInfo info;
        try {
            info = links.check(token);
        } catch (SetupLinkException e) {
            response.setStatus(410);
            return new ModelAndView("console/setup-invalid").addObject("message", e.getMessage());
        }
        String error = null;
        if (password == null || !password.equals(confirm)) {
            error = "The two passwords are not the same.";
        } else {
            try {
                SetupLinks.Redeemed redeemed = links.redeem(token, password);
                sessions.establish(redeemed.company(), redeemed.userId(), request, response);
                return new ModelAndView("redirect:/console");
            } catch (PasswordRejectedException e) {
                error = e.getMessage();
            } catch (SetupLinkException e) {
                response.setStatus(410);
                return new ModelAndView("console/setup-invalid").addObject("message", e.getMessage());
            }
        }
        response.setStatus(400);
        return new ModelAndView("console/setup").addObject("userName", info.userName())
                .addObject("expiresAt", info.expiresAt()).addObject("error", error);
    }

    @PostMapping("/login/password")
    ModelAndView signIn(@RequestParam(required = false) String email, @RequestParam(required = false) String password,
                        @RequestParam(required = false) String target, HttpServletRequest request,
                        HttpServletResponse response) {
        String key = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        if (!throttle.tryAcquire(key)) {
            response.setStatus(429);
            return failed("Too many sign-in attempts. Wait a few minutes and try again.", target);
        }
        Optional<LocalLogin.LocalPrincipal> who = login.authenticate(email, password);
        if (who.isEmpty()) {
            response.setStatus(401);
            return failed(FAILED, target);
        }
        throttle.reset(key);
        sessions.establish(who.get().company(), who.get().userId(), request, response);
        // A product's sign-in (provider.CompanySignIn) resumes its authorization request; anything else: the console.
        if (resumesAuthorization(target)) {
            RedirectView resume = new RedirectView(target);
            resume.setExpandUriTemplateVariables(false);
            resume.setExposeModelAttributes(false);
            return new ModelAndView(resume);
        }
        return new ModelAndView("redirect:/console");
    }

    /** Only a path on this site back to the OpenID Provider's authorization endpoint. */
    private static boolean resumesAuthorization(String target) {
        return target != null && target.startsWith("/oauth2/authorize?") && SafeTarget.orDefault(target).equals(target);
    }

    private static ModelAndView failed(String message, String target) {
        return new ModelAndView("saml/login").addObject("target", resumesAuthorization(target) ? target : "/app")
                .addObject("signedOut", false).addObject("passwordError", message);
    }
}
