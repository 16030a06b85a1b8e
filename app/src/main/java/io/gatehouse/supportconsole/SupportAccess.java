package io.gatehouse.supportconsole;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The support console's one authorization rule, in front of every {@code /support} page except the sign-in
 * form: only a support-team session passes. No session → the sign-in form; a company user's session (even a
 * company administrator's) → 403. Kept here rather than in config.SecurityConfig so that the support console's
 * rule and its sign-in page sit together (see docs/architecture.md).
 */
class SupportAccess implements HandlerInterceptor {

    /** A signed-in company user asked for a support page. */
    static class NotSupportTeamException extends RuntimeException {
        NotSupportTeamException() {
            super("not the support team");
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (SupportSessions.isSupportTeam(authentication)) {
            return true;
        }
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            throw new NotSupportTeamException();
        }
        response.sendRedirect("/support/sign-in");
        return false;
    }
}
