package io.gatehouse.saml;

import io.gatehouse.tenancy.CompanyId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * Turns an accepted sign-in into a server-side session (Spring Session JDBC, so any node accepts it).
 */
@Component
public class SignInSessions {

    /** Epoch millis after which the session must not be used: the IdP's SessionNotOnOrAfter. */
    static final String NOT_ON_OR_AFTER = "gatehouse.session.notOnOrAfter";
    static final String ROLE = "ROLE_COMPANY_USER";
    /** The IdP's NameID, its format and session index of a SAML sign-in: what our LogoutRequest must name. */
    static final String SAML_NAME_ID = "gatehouse.saml.nameId";
    static final String SAML_NAME_ID_FORMAT = "gatehouse.saml.nameIdFormat";
    static final String SAML_SESSION_INDEX = "gatehouse.saml.sessionIndex";

    /** The subject of the session's SAML sign-in, or null (another sign-in method, or none). */
    static SignInResult.SamlSubject subject(HttpSession session) {
        Object nameId = session == null ? null : session.getAttribute(SAML_NAME_ID);
        return nameId == null ? null : new SignInResult.SamlSubject((String) nameId,
                (String) session.getAttribute(SAML_NAME_ID_FORMAT), (String) session.getAttribute(SAML_SESSION_INDEX));
    }

    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final Clock clock;

    SignInSessions(Clock clock) {
        this.clock = clock;
    }

    /**
     * Any session the browser already had is ended and a new one, with a new id, is created: nothing of an
     * earlier (possibly planted or someone else's) session survives the sign-in — session fixation
     * protection. The session lives no longer than the IdP allowed.
     */
    void establish(SignInResult.SignedIn signedIn, HttpServletRequest request, HttpServletResponse response) {
        establish(signedIn.company(), signedIn.userId(), signedIn.sessionNotOnOrAfter(), SignInMethod.SAML, request,
                response);
        SignInResult.SamlSubject subject = signedIn.subject();
        if (subject != null && subject.nameId() != null) {
            HttpSession session = request.getSession();
            session.setAttribute(SAML_NAME_ID, subject.nameId());
            session.setAttribute(SAML_NAME_ID_FORMAT, subject.nameIdFormat());
            session.setAttribute(SAML_SESSION_INDEX, subject.sessionIndex());
        }
    }

    /** The same session for another sign-in method ("Sign in with Microsoft", oidc package). */
    public void establish(CompanyId company, UUID userId, Instant deadline, SignInMethod method,
                          HttpServletRequest request, HttpServletResponse response) {
        HttpSession previous = request.getSession(false);
        if (previous != null) {
            previous.invalidate();
        }
        HttpSession session = request.getSession(true);
        SignedInUser user = new SignedInUser(company, userId);
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, user.principalName());
        if (deadline != null) {
            session.setAttribute(NOT_ON_OR_AFTER, deadline.toEpochMilli());
            long remaining = Math.max(1, Duration.between(clock.instant(), deadline).toSeconds());
            if (remaining < session.getMaxInactiveInterval()) {
                session.setMaxInactiveInterval((int) remaining);
            }
        }
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.principalName(), null,
                List.of(new SimpleGrantedAuthority(ROLE), method.authority(clock.instant()))));
        holder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
