package io.gatehouse.oidc;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * One-time use of ID tokens, shared by every node through oidc_replay (as saml_replay does for assertions):
 * the primary key decides, ON CONFLICT DO NOTHING inserts for the first use only.
 */
@Repository
class IdTokenReplay {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PendingAuthorizations pending;

    IdTokenReplay(JdbcClient jdbc, Clock clock, PendingAuthorizations pending) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.pending = pending;
    }

    /** True the first time this token (by its SHA-256) is seen; false for every later use. */
    boolean firstUse(String tokenHash, Instant keepUntil) {
        return jdbc.sql("INSERT INTO oidc_replay (token_hash, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(tokenHash, Timestamp.from(keepUntil)).update() == 1;
    }

    /** Expired rows guard nothing: an expired token is refused by its exp claim anyway. */
    @Scheduled(fixedDelay = 300_000, initialDelay = 300_000)
    void purgeExpired() {
        jdbc.sql("DELETE FROM oidc_replay WHERE expires_at <= ?").param(Timestamp.from(clock.instant())).update();
        pending.purgeExpired();
    }
}
