package io.gatehouse.access;

import io.gatehouse.tenancy.CompanyId;
import io.gatehouse.tenancy.Feature;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        return effectiveGrants(company, List.of(userId)).getOrDefault(userId, List.of());
    }

    /** The direct and group-granted grants of active users, per user, in one query (users without any are absent). */
    Map<UUID, List<Grantable>> effectiveGrants(CompanyId company, Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        String ids = String.join(", ", Collections.nCopies(userIds.size(), "?"));
        List<Object> params = new ArrayList<>();
        params.add(company.value());
        params.addAll(userIds);
        params.add(company.value());
        params.addAll(userIds);
        params.add(company.value());
        params.add(USER_GROUPS);
        Map<UUID, List<Grantable>> byUser = new HashMap<>();
        jdbc.sql("""
                SELECT g.user_id AS holder, g.kind, g.name
                FROM access_grant g JOIN app_user u ON u.id = g.user_id AND u.company_id = g.company_id
                WHERE g.company_id = ? AND g.user_id IN (%s) AND u.active = TRUE
                UNION ALL
                SELECT m.user_id AS holder, g.kind, g.name
                FROM access_grant g
                  JOIN group_member m ON m.group_id = g.group_id AND m.company_id = g.company_id
                  JOIN app_user u ON u.id = m.user_id AND u.company_id = g.company_id
                WHERE g.company_id = ? AND m.user_id IN (%s) AND u.active = TRUE AND
                """.formatted(ids, ids) + GROUPS_ENABLED)
                .params(params)
                .query(rs -> {
                    UUID holder = rs.getObject("holder", UUID.class);
                    Grantable.of(rs.getString("kind"), rs.getString("name"))
                            .ifPresent(grant -> byUser.computeIfAbsent(holder, k -> new ArrayList<>()).add(grant));
                });
        return byUser;
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
