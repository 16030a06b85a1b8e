package io.gatehouse.saml;

import static io.gatehouse.saml.SamlConnectionRepository.ts;

import io.gatehouse.tenancy.CompanyId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One-time use of assertion IDs (SAML profiles §4.1.4.5), shared by every node through saml_replay. The
 * primary key decides: ON CONFLICT DO NOTHING inserts for the first use only, atomically, with no
 * exception that would abort a surrounding PostgreSQL transaction.
 */
@Repository
class ReplayCache {

    private final JdbcClient jdbc;
    private final Clock clock;

    ReplayCache(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True the first time this assertion is seen for the company; false for every later use. */
    boolean firstUse(CompanyId company, String assertionId, Instant keepUntil) {
        return jdbc.sql("""
                INSERT INTO saml_replay (company_id, assertion_id, expires_at) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING
                """)
                .params(company.value(), key(assertionId), ts(keepUntil))
                .update() == 1;
    }

    /** IDs are short in practice; an oversized one is kept as its digest rather than failing the insert. */
    static String key(String assertionId) {
        if (assertionId.length() <= 200) {
            return assertionId;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(assertionId.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a mandatory JDK algorithm", e);
        }
    }

    /** Rows past their expiry guard nothing: the validator refuses such assertions as expired anyway. */
    int purgeExpired() {
        return jdbc.sql("DELETE FROM saml_replay WHERE expires_at <= ?").param(ts(clock.instant())).update();
    }
}
