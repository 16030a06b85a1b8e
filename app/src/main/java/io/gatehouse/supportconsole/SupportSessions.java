package io.gatehouse.supportconsole;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * The support team's session: a Spring Session JDBC session like a company user's, but with the principal
 * {@link #PRINCIPAL} and only the authority {@link #ROLE}. Its principal is not "companyId:userId", so the
 * company console and {@code /app} never take it for a company user, and a company user's session never holds
 * {@link #ROLE}. Signing in ends any earlier session and issues a new id (session fixation protection).
 */
@Component
class SupportSessions {

    static final String ROLE = "ROLE_SUPPORT_OPERATOR";
    static final String PRINCIPAL = "support-team";
    /** Shorter than a company user's 8 hours: the operator token opens every company. */
    static final Duration IDLE_TIMEOUT = Duration.ofHours(1);

    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    void establish(HttpServletRequest request, HttpServletResponse response) {
        HttpSession previous = request.getSession(false);
        if (previous != null) {
            previous.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setMaxInactiveInterval((int) IDLE_TIMEOUT.toSeconds());
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, PRINCIPAL);
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(PRINCIPAL, null,
                List.of(new SimpleGrantedAuthority(ROLE))));
        holder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        holder.clearContext();
    }

    static boolean isSupportTeam(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && authentication.getAuthorities().stream().anyMatch(a -> ROLE.equals(a.getAuthority()));
    }
}
