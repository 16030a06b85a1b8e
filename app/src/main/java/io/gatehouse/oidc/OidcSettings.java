package io.gatehouse.oidc;

import io.gatehouse.saml.LinkBy;
import io.gatehouse.tenancy.CompanyId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** oidc_setting: per company, whether the method is offered, how users are linked, the approved tenant. */
@Repository
public class OidcSettings {

    private static final String COLUMNS = "company_id, enabled, link_by, tenant_id, approved_by, approved_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    OidcSettings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public OidcSetting of(CompanyId company) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM oidc_setting WHERE company_id = ?")
                .param(company.value()).query(OidcSettings::map).optional().orElse(OidcSetting.off(company));
    }

    /** The company an approved tenant belongs to. */
    Optional<OidcSetting> byTenant(String tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM oidc_setting WHERE tenant_id = ?")
                .param(tenantId).query(OidcSettings::map).optional();
    }

    public void saveOptions(CompanyId company, boolean enabled, LinkBy linkBy) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("UPDATE oidc_setting SET enabled = ?, link_by = ?, updated_at = ? WHERE company_id = ?")
                .params(enabled, linkBy.name(), now, company.value()).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO oidc_setting (company_id, enabled, link_by, updated_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO NOTHING
                    """)
                    .params(company.value(), enabled, linkBy.name(), now).update();
        }
    }

    /** Records the admin consent; the unique index refuses a tenant that another company already holds. */
    void approve(CompanyId company, String tenantId, String approvedBy) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("""
                UPDATE oidc_setting SET tenant_id = ?, approved_by = ?, approved_at = ?, updated_at = ?
                WHERE company_id = ?
                """).params(tenantId, approvedBy, now, now, company.value()).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO oidc_setting (company_id, enabled, link_by, tenant_id, approved_by, approved_at,
                      updated_at)
                    VALUES (?, TRUE, 'EXTERNAL_ID', ?, ?, ?, ?)
                    """).params(company.value(), tenantId, approvedBy, now, now).update();
        }
    }

    private static OidcSetting map(ResultSet rs, int n) throws SQLException {
        Timestamp approvedAt = rs.getTimestamp("approved_at");
        return new OidcSetting(new CompanyId(rs.getObject("company_id", UUID.class)), rs.getBoolean("enabled"),
                LinkBy.valueOf(rs.getString("link_by")), rs.getString("tenant_id"), rs.getString("approved_by"),
                approvedAt == null ? null : approvedAt.toInstant());
    }
}
