package io.gatehouse.saml;

import io.gatehouse.directory.UserDeactivation;
import io.gatehouse.tenancy.CompanyId;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends every sign-in session of a user who is deactivated or deleted (SCIM active:false or DELETE), found
 * through Spring Session's principal-name index, so losing access in the IdP takes effect at once rather
 * than when the session times out.
 */
@Component
class SessionTermination implements UserDeactivation.Listener {

    private static final Logger log = LoggerFactory.getLogger(SessionTermination.class);

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SessionTermination(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    @Override
    public void userDeactivated(CompanyId company, UUID userId) {
        var ids = sessions.findByPrincipalName(SignedInUser.principalName(company, userId)).keySet();
        ids.forEach(sessions::deleteById);
        if (!ids.isEmpty()) {
            log.info("ended {} session(s) of deactivated user {} of company {}", ids.size(), userId, company);
        }
    }
}
