package io.gatehouse.saml;

import static io.gatehouse.saml.SamlConnectionRepository.instant;
import static io.gatehouse.saml.SamlConnectionRepository.ts;

import io.gatehouse.tenancy.CompanyId;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The company's sign-in log (saml_login_event), a product feature: the admin reads why a sign-in failed
 * here, found by the reference the person was shown. Written directly, outside any transaction, so a
 * refusal is logged even when everything after it fails.
 */
@Repository
public class LoginLog {

    /** Crockford's base32 without I, L, O, U: easy to read out over the phone. */
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What one attempt produced; values from the message are bounded before they reach a column. */
    public record Entry(String outcome, String detail, String expected, String actual, String nameId, UUID userId) {}

    /** Records the attempt and returns its reference. */
    public String record(CompanyId company, Entry e) {
        String reference = newReference();
        jdbc.sql("""
                INSERT INTO saml_login_event (company_id, occurred_at, outcome, detail, expected, actual, name_id,
                  user_id, reference)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(company.value(), ts(clock.instant()), e.outcome(), Text.bounded(e.detail(), 1024),
                        Text.bounded(e.expected(), 600), Text.bounded(e.actual(), 600), Text.bounded(e.nameId(), 512),
                        e.userId(), reference)
                .update();
        return reference;
    }

    /** Newest first. */
    public List<LoginEvent> recent(CompanyId company, int limit) {
        return jdbc.sql("""
                SELECT id, occurred_at, outcome, detail, expected, actual, name_id, user_id, reference
                FROM saml_login_event WHERE company_id = ? ORDER BY id DESC LIMIT ?
                """)
                .params(company.value(), limit)
                .query((rs, n) -> new LoginEvent(rs.getLong("id"), instant(rs.getTimestamp("occurred_at")),
                        rs.getString("outcome"), rs.getString("detail"), rs.getString("expected"),
                        rs.getString("actual"), rs.getString("name_id"), rs.getObject("user_id", UUID.class),
                        rs.getString("reference")))
                .list();
    }

    /** Ten symbols, 50 bits: unique enough to find a row, short enough to read out. */
    static String newReference() {
        char[] out = new char[11];
        for (int i = 0, j = 0; i < 10; i++) {
            if (i == 5) {
                out[j++] = '-';
            }
            out[j++] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
