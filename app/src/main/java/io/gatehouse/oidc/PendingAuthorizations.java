package io.gatehouse.oidc;

import io.gatehouse.tenancy.CompanyId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * oidc_pending: the state of every authorization request in flight, in the database so that any node can
 * finish what another started. A state is taken once: the DELETE decides, so two concurrent returns with
 * the same state cannot both succeed.
 */
@Repository
class PendingAuthorizations {

    /** Long enough for a person to pick an account and type a password and a second factor. */
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final Clock clock;

    PendingAuthorizations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void save(Pending p) {
        jdbc.sql("""
                INSERT INTO oidc_pending (state, kind, company_id, user_id, browser_binding, nonce, code_verifier,
                  target, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(p.state(), p.kind().name(), p.company() == null ? null : p.company().value(), p.userId(),
                        p.browserBinding(), p.nonce(), p.codeVerifier(), p.target(), Timestamp.from(p.expiresAt()))
                .update();
    }

    /** The pending request of this state, removed so that it can never be used again; empty if unknown. */
    Optional<Pending> take(String state) {
        if (state == null || state.isEmpty() || state.length() > 128) {
            return Optional.empty();
        }
        Optional<Pending> found = jdbc.sql("""
                SELECT state, kind, company_id, user_id, browser_binding, nonce, code_verifier, target, expires_at
                FROM oidc_pending WHERE state = ?
                """)
                .param(state)
                .query((rs, n) -> {
                    UUID company = rs.getObject("company_id", UUID.class);
                    return new Pending(rs.getString("state"), Pending.Kind.valueOf(rs.getString("kind")),
                            company == null ? null : new CompanyId(company), rs.getObject("user_id", UUID.class),
                            rs.getString("browser_binding"), rs.getString("nonce"), rs.getString("code_verifier"),
                            rs.getString("target"), rs.getTimestamp("expires_at").toInstant());
                })
                .optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        boolean mine = jdbc.sql("DELETE FROM oidc_pending WHERE state = ?").param(state).update() == 1;
        return mine && found.get().expiresAt().isAfter(clock.instant()) ? found : Optional.empty();
    }

    int purgeExpired() {
        return jdbc.sql("DELETE FROM oidc_pending WHERE expires_at <= ?")
                .param(Timestamp.from(clock.instant())).update();
    }
}
