package io.gatehouse.access;

import io.gatehouse.directory.Source;
import io.gatehouse.tenancy.CompanyId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for local passwords (table local_credential). */
@Repository
class LocalCredentialRepository {

    /** A local password that may be checked: its LOCAL, active user and the stored hash. */
    record Candidate(CompanyId company, UUID userId, PasswordHasher.Hashed hashed) {}

    private static final String CANDIDATES = """
            SELECT c.company_id, c.user_id, c.algorithm, c.iterations, c.salt, c.password_hash
            FROM local_credential c JOIN app_user u ON u.id = c.user_id AND u.company_id = c.company_id
            WHERE u.user_name_ci = ? AND u.source = ? AND u.active = TRUE
            """;

    private final JdbcClient jdbc;

    LocalCredentialRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void upsert(CompanyId company, UUID userId, PasswordHasher.Hashed hashed, Instant now) {
        delete(company, userId);
        jdbc.sql("""
                INSERT INTO local_credential (user_id, company_id, algorithm, iterations, salt, password_hash, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(userId, company.value(), hashed.algorithm(), hashed.iterations(), hashed.salt(), hashed.hash(),
                        Timestamp.from(now))
                .update();
    }

    void delete(CompanyId company, UUID userId) {
        jdbc.sql("DELETE FROM local_credential WHERE company_id = ? AND user_id = ?")
                .params(company.value(), userId)
                .update();
    }

    /**
     * Local passwords of active LOCAL users with this userName in any company: sign-in by email comes before
     * the company is known, and a userName is unique per company only. At most a handful of rows.
     */
    List<Candidate> candidates(String userName) {
        return jdbc.sql(CANDIDATES + " ORDER BY c.company_id LIMIT 10")
                .params(userName.toLowerCase(Locale.ROOT), Source.LOCAL.name())
                .query((rs, n) -> candidate(rs))
                .list();
    }

    List<Candidate> candidates(CompanyId company, String userName) {
        return jdbc.sql(CANDIDATES + " AND c.company_id = ?")
                .params(userName.toLowerCase(Locale.ROOT), Source.LOCAL.name(), company.value())
                .query((rs, n) -> candidate(rs))
                .list();
    }

    private static Candidate candidate(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Candidate(new CompanyId(rs.getObject("company_id", UUID.class)), rs.getObject("user_id", UUID.class),
                new PasswordHasher.Hashed(rs.getString("algorithm"), rs.getInt("iterations"), rs.getString("salt"),
                        rs.getString("password_hash")));
    }
}
