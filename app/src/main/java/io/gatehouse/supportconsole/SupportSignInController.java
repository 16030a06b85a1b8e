package io.gatehouse.supportconsole;

import io.gatehouse.console.SignInThrottle;
import io.gatehouse.credentials.OperatorCredentials;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Sign-in of the support team with the operator token (the support team's credential, the same one the operator
 * API takes as a bearer token), and sign-out. Attempts are limited per client address with the console's
 * {@link SignInThrottle}; the token is never logged.
 */
@Controller
class SupportSignInController {

    static final String FAILED = "That is not the operator token.";
    static final String THROTTLED = "Too many sign-in attempts. Wait a few minutes and try again.";
    private static final Logger log = LoggerFactory.getLogger(SupportSignInController.class);

    private final OperatorCredentials credentials;
    private final SupportSessions sessions;
    private final SignInThrottle throttle;

    SupportSignInController(OperatorCredentials credentials, SupportSessions sessions, SignInThrottle throttle) {
        this.credentials = credentials;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    /** The throttle's key for a client address; separate from the company password form's email keys. */
    static String throttleKey(String remoteAddress) {
        return "support-sign-in:" + remoteAddress;
    }

    @GetMapping("/support/sign-in")
    ModelAndView form(@RequestParam(required = false) String signedOut) {
        return new ModelAndView("support/sign-in").addObject("signedOut", signedOut != null);
    }

    @PostMapping("/support/sign-in")
    ModelAndView signIn(@RequestParam(required = false) String token, HttpServletRequest request,
                        HttpServletResponse response) {
        String key = throttleKey(request.getRemoteAddr());
        if (!throttle.tryAcquire(key)) {
            log.warn("Support console sign-in throttled for {}", request.getRemoteAddr());
            response.setStatus(429);
            return failed(THROTTLED);
        }
        if (!credentials.authenticate(token == null ? null : token.strip())) {
            log.info("Support console sign-in refused for {}", request.getRemoteAddr());
            response.setStatus(401);
            return failed(FAILED);
        }
        throttle.reset(key);
        sessions.establish(request, response);
        return new ModelAndView("redirect:/support/companies");
    }

    @PostMapping("/support/sign-out")
    ModelAndView signOut(HttpServletRequest request) {
        sessions.end(request);
        return new ModelAndView("redirect:/support/sign-in?signedOut");
    }

    private static ModelAndView failed(String message) {
        return new ModelAndView("support/sign-in").addObject("signedOut", false).addObject("error", message);
    }
}
