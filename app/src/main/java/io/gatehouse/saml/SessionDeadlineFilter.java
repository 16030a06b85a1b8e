package io.gatehouse.saml;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session once the IdP's SessionNotOnOrAfter has passed. The session's inactivity timeout alone
 * would let an active user stay signed in past that bound.
 */
public class SessionDeadlineFilter extends OncePerRequestFilter {

    private final Clock clock;

    public SessionDeadlineFilter(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SignInSessions.NOT_ON_OR_AFTER) instanceof Long deadline
                && clock.instant().toEpochMilli() >= deadline) {
            session.invalidate();
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }
}
