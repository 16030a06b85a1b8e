package io.gatehouse.saml;

import static io.gatehouse.saml.SamlConnectionRepository.ts;

import io.gatehouse.tenancy.CompanyId;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * NameID → user of each company's SAML sign-ins (saml_subject, V16): an IdP's LogoutRequest names the person only
 * by NameID, which is not always what the connection links users by (e.g. EXTERNAL_ID links by an attribute).
 */
@Repository
class SamlSubjects {

    private final JdbcClient jdbc;
    private final Clock clock;

    SamlSubjects(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** At a sign-in: one INSERT, or an UPDATE when the NameID now belongs to another user. */
    void remember(CompanyId company, String nameId, UUID userId) {
        if (nameId == null || nameId.length() > 512) {
            return;
        }
        int inserted = jdbc.sql("""
                INSERT INTO saml_subject (company_id, name_id, user_id, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """).params(company.value(), nameId, userId, ts(clock.instant())).update();
        if (inserted == 0) {
            jdbc.sql("""
                    UPDATE saml_subject SET user_id = ?, updated_at = ?
                    WHERE company_id = ? AND name_id = ? AND user_id <> ?
                    """).params(userId, ts(clock.instant()), company.value(), nameId, userId).update();
        }
    }

    List<UUID> users(CompanyId company, String nameId) {
        return jdbc.sql("SELECT user_id FROM saml_subject WHERE company_id = ? AND name_id = ?")
                .params(company.value(), nameId).query(UUID.class).list();
    }
}
