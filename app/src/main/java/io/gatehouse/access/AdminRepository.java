package io.gatehouse.access;

import static io.gatehouse.access.AccessGrantRepository.GROUPS_ENABLED;
import static io.gatehouse.access.AccessGrantRepository.USER_GROUPS;

import io.gatehouse.directory.Source;
import io.gatehouse.directory.UserDeactivation;
import io.gatehouse.tenancy.CompanyId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL about who holds the Administrator role. Every statement is scoped by company id. */
@Repository
class AdminRepository {

    /** (user_id, via_group) for every path to the Administrator role; parameters: see {@link #holderParams}. */
    private static final String HOLDERS = """
            SELECT g.user_id AS user_id, CAST(NULL AS VARCHAR(512)) AS via_group
            FROM access_grant g
            WHERE g.company_id = ? AND g.kind = ? AND g.name = ? AND g.user_id IS NOT NULL
            UNION ALL
            SELECT m.user_id AS user_id, ug.display_name AS via_group
            FROM access_grant g
              JOIN user_group ug ON ug.id = g.group_id AND ug.company_id = g.company_id
              JOIN group_member m ON m.group_id = g.group_id AND m.company_id = g.company_id
            WHERE g.company_id = ? AND g.kind = ? AND g.name = ? AND
            """ + GROUPS_ENABLED;

    private final JdbcClient jdbc;

    AdminRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The company's administrators (active or not), by userName; at most {@code limit} users. */
    List<AdminEntry> admins(CompanyId company, int limit) {
        List<Object> params = new ArrayList<>(holderParams(company));
        params.add(company.value());
        Map<UUID, AdminEntry> byUser = new LinkedHashMap<>();
        jdbc.sql("SELECT u.id, u.user_name, u.display_name, u.source, u.active, h.via_group,"
                        + " (SELECT COUNT(*) FROM local_credential lc WHERE lc.user_id = u.id) AS passwords"
                        + " FROM (" + HOLDERS + ") h JOIN app_user u ON u.id = h.user_id"
                        + " WHERE u.company_id = ? ORDER BY u.user_name_ci, u.id, h.via_group")
                .params(params)
                .query((RowCallbackHandler) rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    String group = rs.getString("via_group");
                    AdminEntry seen = byUser.get(id);
                    if (seen == null && byUser.size() >= limit) {
                        return;
                    }
                    List<String> groups = new ArrayList<>(seen == null ? List.of() : seen.viaGroups());
                    if (group != null) {
                        groups.add(group);
                    }
                    byUser.put(id, new AdminEntry(id, rs.getString("user_name"), rs.getString("display_name"),
                            Source.valueOf(rs.getString("source")), rs.getBoolean("active"),
                            (seen != null && seen.direct()) || group == null, List.copyOf(groups),
                            rs.getLong("passwords") > 0));
                });
        return List.copyOf(byUser.values());
    }

    /** How many active users of each source hold the Administrator role (directly or through a group). */
    Map<Source, Long> activeAdminCounts(CompanyId company) {
        List<Object> params = new ArrayList<>();
        params.add(company.value());
        params.addAll(holderParams(company));
        Map<Source, Long> counts = new EnumMap<>(Source.class);
        for (Source source : Source.values()) {
            counts.put(source, 0L);
        }
        jdbc.sql("SELECT u.source, COUNT(*) FROM app_user u WHERE u.company_id = ? AND u.active = TRUE"
                        + " AND u.id IN (SELECT h.user_id FROM (" + HOLDERS + ") h) GROUP BY u.source")
                .params(params)
                .query((RowCallbackHandler) rs -> counts.put(Source.valueOf(rs.getString(1)), rs.getLong(2)));
        return counts;
    }

    /** How many active users hold the Administrator role (directly or through a group), all sources. */
    long activeAdmins(CompanyId company) {
        return activeAdminCounts(company).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Whether this user holds the Administrator role (directly or through a group), active or not. */
    boolean holdsAdministrator(CompanyId company, UUID userId) {
        List<Object> params = new ArrayList<>(holderParams(company));
        params.add(userId);
        return jdbc.sql("SELECT COUNT(*) FROM (" + HOLDERS + ") h WHERE h.user_id = ?")
                .params(params).query(Long.class).single() > 0;
    }

    /** {@link #holdsAdministrator}'s question as a deactivation probe, through a group whatever the plan. */
    UserDeactivation.Probe holdsAdministratorProbe(CompanyId company, UUID userId) {
        return UserDeactivation.Probe.when("""
                EXISTS (SELECT 1 FROM access_grant g
                  WHERE g.company_id = ? AND g.kind = ? AND g.name = ? AND (g.user_id = ? OR EXISTS (
                    SELECT 1 FROM group_member m WHERE m.group_id = g.group_id AND m.company_id = g.company_id
                      AND m.user_id = ?)))""", company.value(), CompanyRole.ADMINISTRATOR.kind().name(),
                CompanyRole.ADMINISTRATOR.name(), userId, userId);
    }

    /** Whether this group holds the Administrator role (counted or not: the plan may lack user groups). */
    boolean groupHoldsAdministrator(CompanyId company, UUID groupId) {
        return jdbc.sql("SELECT COUNT(*) FROM access_grant WHERE company_id = ? AND group_id = ? AND kind = ? AND name = ?")
                .params(company.value(), groupId, CompanyRole.ADMINISTRATOR.kind().name(),
                        CompanyRole.ADMINISTRATOR.name())
                .query(Long.class).single() > 0;
    }

    /** The ids of every company without one active administrator: one query for the support console's list. */
    Set<UUID> companiesWithoutActiveAdmin() {
        String kind = CompanyRole.ADMINISTRATOR.kind().name();
        String name = CompanyRole.ADMINISTRATOR.name();
        return new HashSet<>(jdbc.sql("""
                SELECT c.id FROM company c
                WHERE NOT EXISTS (
                    SELECT 1 FROM access_grant g JOIN app_user u ON u.id = g.user_id AND u.company_id = g.company_id
                    WHERE g.company_id = c.id AND g.kind = ? AND g.name = ? AND u.active = TRUE)
                  AND NOT EXISTS (
                    SELECT 1 FROM access_grant g
                      JOIN group_member m ON m.group_id = g.group_id AND m.company_id = g.company_id
                      JOIN app_user u ON u.id = m.user_id AND u.company_id = g.company_id
                      JOIN plan_feature pf ON pf.plan_code = c.plan_code AND pf.feature = ?
                    WHERE g.company_id = c.id AND g.kind = ? AND g.name = ? AND u.active = TRUE)
                """)
                .params(kind, name, USER_GROUPS, kind, name)
                .query(UUID.class).list());
    }

    /** A LOCAL user holding the Administrator role directly: the account the support team created. */
    boolean isBreakGlassAdmin(CompanyId company, UUID userId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM access_grant g JOIN app_user u ON u.id = g.user_id
                WHERE g.company_id = ? AND g.user_id = ? AND g.kind = ? AND g.name = ?
                  AND u.company_id = g.company_id AND u.source = ?
                """)
                .params(company.value(), userId, CompanyRole.ADMINISTRATOR.kind().name(),
                        CompanyRole.ADMINISTRATOR.name(), Source.LOCAL.name())
                .query(Long.class).single() > 0;
    }

    private static List<Object> holderParams(CompanyId company) {
        String kind = CompanyRole.ADMINISTRATOR.kind().name();
        String name = CompanyRole.ADMINISTRATOR.name();
        return List.of(company.value(), kind, name, company.value(), kind, name, company.value(), USER_GROUPS);
    }
}
