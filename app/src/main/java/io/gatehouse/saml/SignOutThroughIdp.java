package io.gatehouse.saml;

import io.gatehouse.tenancy.CompanyId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * {@code POST /logout} (every "Sign out" button, CSRF-protected) with SP-initiated single logout: before Spring
 * Security ends the session, a session that came from a SAML sign-in of a company whose IdP has a
 * SingleLogoutService gets our signed LogoutRequest ({@link SingleLogout#start}); the browser goes there instead
 * of straight to {@code /login?signedOut}. Other sessions sign out as before.
 */
@Component
public class SignOutThroughIdp implements LogoutHandler, LogoutSuccessHandler {

    private static final String NEXT = SignOutThroughIdp.class.getName() + ".next";

    private final SingleLogout logout;

    SignOutThroughIdp(SingleLogout logout) {
        this.logout = logout;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        SignInResult.SamlSubject subject = SignInSessions.subject(session);
        Object principal = session.getAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME);
        CompanyId company = SignedInUser.parse(principal instanceof String name ? name : null)
                .map(SignedInUser::company).orElse(null);
        if (company != null && subject != null) {
            request.setAttribute(NEXT, logout.start(company, subject));
        }
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
                                Authentication authentication) throws IOException {
        Object next = request.getAttribute(NEXT);
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(next instanceof String url ? url : SingleLogout.SIGNED_OUT);
    }
}
