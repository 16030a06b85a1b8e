package io.gatehouse.access;

import io.gatehouse.tenancy.CompanyId;
import io.gatehouse.tenancy.Feature;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for company-wide grants (table access_grant). Every statement is scoped by company id. */
@Repository
class AccessGrantRepository {

    /**
     * True while the company's plan includes user groups: group grants count only then, so a downgrade takes
     * group-granted permissions away at once (and an upgrade brings them back) without rewriting grants.
     * Takes two parameters: the company id and the feature name.
     */
    static final String GROUPS_ENABLED = """
            EXISTS (SELECT 1 FROM company c JOIN plan_feature pf ON pf.plan_code = c.plan_code
                    WHERE c.id = ? AND pf.feature = ?)""";
    static final String USER_GROUPS = Feature.USER_GROUPS.name();

    private final JdbcClient jdbc;

    AccessGrantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the grant unless it is already there; true when this call added it. */
    boolean insert(CompanyId company, Grantee grantee, Grantable grant, Instant now) {
        if (exists(company, grantee, grant)) {
            return false;
        }
        UUID user = grantee instanceof Grantee.User u ? u.id() : null;
        UUID group = grantee instanceof Grantee.Group g ? g.id() : null;
        try {
            jdbc.sql("""
                    INSERT INTO access_grant (id, company_id, user_id, group_id, kind, name, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
                    .params(UUID.randomUUID(), company.value(), user, group, grant.kind().name(), grant.name(),
                            Timestamp.from(now))
                    .update();
            return true;
        } catch (DuplicateKeyException concurrentSameGrant) {
            return false;
        }
    }

    boolean delete(CompanyId company, Grantee grantee, Grantable grant) {
        return jdbc.sql("DELETE FROM access_grant WHERE company_id = ? AND " + column(grantee)
                        + " = ? AND kind = ? AND name = ?")
                .params(company.value(), grantee.id(), grant.kind().name(), grant.name())
                .update() > 0;
    }

    boolean exists(CompanyId company, Grantee grantee, Grantable grant) {
        return jdbc.sql("SELECT COUNT(*) FROM access_grant WHERE company_id = ? AND " + column(grantee)
                        + " = ? AND kind = ? AND name = ?")
                .params(company.value(), grantee.id(), grant.kind().name(), grant.name())
                .query(Long.class).single() > 0;
    }

    /**
     * Everything an active user of the company holds, directly or through any of their groups: one query.
     * A deactivated user, or a user of another company, holds nothing.
     */
    List<Grantable> effectiveGrants(CompanyId company, UUID userId) {
        return jdbc.sql("""
                SELECT g.kind, g.name
                FROM access_grant g JOIN app_user u ON u.id = g.user_id AND u.company_id = g.company_id
                WHERE g.company_id = ? AND g.user_id = ? AND u.active = TRUE
                UNION ALL
                SELECT g.kind, g.name
                FROM access_grant g
                  JOIN group_member m ON m.group_id = g.group_id AND m.company_id = g.company_id
                  JOIN app_user u ON u.id = m.user_id AND u.company_id = g.company_id
                WHERE g.company_id = ? AND m.user_id = ? AND u.active = TRUE AND
                """ + GROUPS_ENABLED)
                .params(company.value(), userId, company.value(), userId, company.value(), USER_GROUPS)
                .query((rs, n) -> Grantable.of(rs.getString(1), rs.getString(2)))
                .list().stream().flatMap(Optional::stream).toList();
    }

    /** All company-wide grants with the grantee's name, users first, then groups, by name. */
    List<GrantRecord> list(CompanyId company) {
        return jdbc.sql("""
                SELECT g.user_id, g.group_id, g.kind, g.name, g.created_at,
                       COALESCE(u.display_name, u.user_name, ug.display_name) AS display
                FROM access_grant g
                  LEFT JOIN app_user u ON u.id = g.user_id
                  LEFT JOIN user_group ug ON ug.id = g.group_id
                WHERE g.company_id = ?
                ORDER BY CASE WHEN g.user_id IS NULL THEN 1 ELSE 0 END, display, g.kind, g.name
                """)
                .param(company.value())
                .query((rs, n) -> {
                    UUID user = rs.getObject("user_id", UUID.class);
                    Grantee grantee = user != null ? Grantee.user(user)
                            : Grantee.group(rs.getObject("group_id", UUID.class));
                    String display = rs.getString("display");
                    Instant created = rs.getTimestamp("created_at").toInstant();
                    return Grantable.of(rs.getString("kind"), rs.getString("name"))
                            .map(grant -> new GrantRecord(grantee, display, grant, created));
                })
                .list().stream().flatMap(Optional::stream).toList();
    }

    private static String column(Grantee grantee) {
        return grantee instanceof Grantee.User ? "user_id" : "group_id";
    }
}
