package io.gatehouse.saml;

import static io.gatehouse.saml.SamlConnectionRepository.ts;

import io.gatehouse.tenancy.CompanyId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * AuthnRequests we sent and have not seen answered (saml_request). In the database rather than the
 * session: the IdP's POST to the ACS is cross-site, so a SameSite=Lax session cookie does not come with
 * it, and any node must be able to accept the answer.
 */
@Repository
class PendingRequests {

    /** Long enough for a first sign-in with MFA enrolment at the IdP. */
    static final Duration LIFETIME = Duration.ofMinutes(20);

    private final JdbcClient jdbc;
    private final Clock clock;

    PendingRequests(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static final String AUTHN = "AUTHN";
    static final String LOGOUT = "LOGOUT";

    void save(CompanyId company, String requestId, String relayTarget) {
        save(company, requestId, relayTarget, AUTHN);
    }

    /** A LogoutRequest we sent (SP-initiated single logout), answered by the IdP's LogoutResponse once. */
    void saveLogout(CompanyId company, String requestId) {
        save(company, requestId, "/login?signedOut", LOGOUT);
    }

    /** Uses our LogoutRequest up; true for exactly one LogoutResponse, on whichever node. */
    boolean consumeLogout(CompanyId company, String requestId) {
        return jdbc.sql("""
                DELETE FROM saml_request WHERE request_id = ? AND company_id = ? AND kind = 'LOGOUT' AND expires_at > ?
                """)
                .params(requestId, company.value(), ts(clock.instant()))
                .update() == 1;
    }

    private void save(CompanyId company, String requestId, String relayTarget, String kind) {
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO saml_request (request_id, company_id, relay_target, created_at, expires_at, kind)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
                .params(requestId, company.value(), relayTarget, ts(now), ts(now.plus(LIFETIME)), kind)
                .update();
    }

    /** The target of an unexpired request of this company, without using it up. */
    Optional<String> peek(CompanyId company, String requestId) {
        return jdbc.sql("""
                SELECT relay_target FROM saml_request
                WHERE request_id = ? AND company_id = ? AND kind = 'AUTHN' AND expires_at > ?
                """)
                .params(requestId, company.value(), ts(clock.instant()))
                .query(String.class)
                .optional();
    }

    /** Uses the request up; true for exactly one caller, on whichever node. */
    boolean consume(CompanyId company, String requestId) {
        return jdbc.sql("""
                DELETE FROM saml_request WHERE request_id = ? AND company_id = ? AND kind = 'AUTHN' AND expires_at > ?
                """)
                .params(requestId, company.value(), ts(clock.instant()))
                .update() == 1;
    }

    int purgeExpired() {
        return jdbc.sql("DELETE FROM saml_request WHERE expires_at <= ?").param(ts(clock.instant())).update();
    }
}
