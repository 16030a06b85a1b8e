package io.gatehouse.console;

import io.gatehouse.saml.SignInMethod;
import io.gatehouse.saml.SignedInUser;
import io.gatehouse.tenancy.CompanyId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * The session of a password sign-in: the same kind as an SSO sign-in's (saml.SignInSessions), with the same
 * principal name, so session listing and termination on deactivation cover both. Any earlier session is
 * ended and a new id issued (session fixation protection).
 */
@Component
class LocalSessions {

    static final String ROLE = "ROLE_COMPANY_USER";

    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final Clock clock;

    LocalSessions(Clock clock) {
        this.clock = clock;
    }

    void establish(CompanyId company, UUID userId, HttpServletRequest request, HttpServletResponse response) {
        HttpSession previous = request.getSession(false);
        if (previous != null) {
            previous.invalidate();
        }
        HttpSession session = request.getSession(true);
        String principal = SignedInUser.principalName(company, userId);
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, principal);
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority(ROLE), SignInMethod.LOCAL.authority(clock.instant()))));
        holder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
