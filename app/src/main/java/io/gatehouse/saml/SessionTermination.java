package io.gatehouse.saml;

import io.gatehouse.directory.UserDeactivation;
import io.gatehouse.directory.UserRecord;
import io.gatehouse.tenancy.CompanyId;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ends every sign-in session of a user who is deactivated or deleted (SCIM active:false or DELETE), so losing access
 * in the IdP takes effect at once rather than when the session times out.
 *
 * <p>One indexed DELETE on Spring Session's table by principal name (V2: "&lt;company&gt;:&lt;user&gt;"; the
 * attributes go with it, ON DELETE CASCADE), in the deactivating transaction itself: the sessions end exactly when
 * the deactivation commits and not if it rolls back. Spring Session's own {@code findByPrincipalName} +
 * {@code deleteById} would load and deserialize every session and run each step in a transaction of its own
 * ({@code REQUIRES_NEW}: a second pooled connection per deactivation, held while the first keeps the user's row
 * locked, and sessions ended even when the deactivation then rolls back).
 */
@Component
class SessionTermination implements UserDeactivation.Listener {

    private static final Logger log = LoggerFactory.getLogger(SessionTermination.class);

    private final JdbcClient jdbc;

    SessionTermination(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Only a user who signed in has sessions: most users Entra deactivates never did. */
    @Override
    public UserDeactivation.Probe probe(CompanyId company, UserRecord before) {
        return UserDeactivation.Probe.when("EXISTS (SELECT 1 FROM spring_session WHERE principal_name = ?)",
                SignedInUser.principalName(company, before.id()));
    }

    @Override
    public void userDeactivated(CompanyId company, UUID userId) {
        int ended = jdbc.sql("DELETE FROM spring_session WHERE principal_name = ?")
                .param(SignedInUser.principalName(company, userId)).update();
        if (ended > 0) {
            log.info("ended {} session(s) of deactivated user {} of company {}", ended, userId, company);
        }
    }
}
