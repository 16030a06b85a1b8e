package io.gatehouse.access;

import static io.gatehouse.access.AccessGrantRepository.GROUPS_ENABLED;
import static io.gatehouse.access.AccessGrantRepository.USER_GROUPS;

import io.gatehouse.events.EventOutbox;
import io.gatehouse.events.EventType;
import io.gatehouse.tenancy.CompanyId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for Spaces and their grants. Every statement is scoped by company id. */
@Repository
class SpaceRepository {

    private static final String SELECT = "SELECT s.id, s.company_id, s.name, s.archived_at, s.created_at FROM space s";

    /** Grants reaching one user, directly or through a group; the %s is an extra predicate on {@code s}. */
    private static final String ACCESS = """
            SELECT s.id, s.name, s.name_ci, sg.role
            FROM space s
              JOIN space_grant sg ON sg.space_id = s.id AND sg.company_id = s.company_id
              JOIN app_user u ON u.id = sg.user_id AND u.company_id = s.company_id
            WHERE s.company_id = ? AND s.archived_at IS NULL AND sg.user_id = ? AND u.active = TRUE %1$s
            UNION ALL
            SELECT s.id, s.name, s.name_ci, sg.role
            FROM space s
              JOIN space_grant sg ON sg.space_id = s.id AND sg.company_id = s.company_id
              JOIN group_member m ON m.group_id = sg.group_id AND m.company_id = s.company_id
              JOIN app_user u ON u.id = m.user_id AND u.company_id = s.company_id
            WHERE s.company_id = ? AND s.archived_at IS NULL AND m.user_id = ? AND u.active = TRUE %1$s AND
            """ + GROUPS_ENABLED;

    private final JdbcClient jdbc;
    private final EventOutbox outbox;

    SpaceRepository(JdbcClient jdbc, EventOutbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    void insert(UUID id, CompanyId company, String name, Instant now) {
        jdbc.sql("""
                INSERT INTO space (id, company_id, name, name_ci, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                """)
                .params(id, company.value(), name, lower(name), Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    Optional<Space> find(CompanyId company, UUID id) {
        return jdbc.sql(SELECT + " WHERE s.id = ? AND s.company_id = ?")
                .params(id, company.value())
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** Every Space of the company, archived ones last, by name. */
    List<Space> list(CompanyId company) {
        return jdbc.sql(SELECT + " WHERE s.company_id = ? ORDER BY CASE WHEN s.archived_at IS NULL THEN 0 ELSE 1 END,"
                        + " s.name_ci, s.id")
                .param(company.value())
                .query((rs, n) -> map(rs))
                .list();
    }

    /** Every Space of the company, archived ones included, in creation order after (created at, id). */
    List<Space> creationPage(CompanyId company, Instant afterCreatedAt, UUID afterId, int limit) {
        List<Object> params = new ArrayList<>();
        params.add(company.value());
        String position = "";
        if (afterCreatedAt != null) {
            position = " AND (s.created_at > ? OR (s.created_at = ? AND s.id > ?))";
            params.addAll(List.of(Timestamp.from(afterCreatedAt), Timestamp.from(afterCreatedAt), afterId));
        }
        return jdbc.sql(SELECT + " WHERE s.company_id = ?" + position + " ORDER BY s.created_at, s.id LIMIT " + limit)
                .params(params)
                .query((rs, n) -> map(rs))
                .list();
    }

    void rename(CompanyId company, UUID id, String name, Instant now) {
        jdbc.sql("UPDATE space SET name = ?, name_ci = ?, updated_at = ? WHERE id = ? AND company_id = ?")
                .params(name, lower(name), Timestamp.from(now), id, company.value())
                .update();
    }

    void setArchived(CompanyId company, UUID id, Instant archivedAt, Instant now) {
        jdbc.sql("UPDATE space SET archived_at = ?, updated_at = ? WHERE id = ? AND company_id = ?")
                .params(archivedAt == null ? null : Timestamp.from(archivedAt), Timestamp.from(now), id,
                        company.value())
                .update();
    }

    /**
     * Sets the grantee's role on the Space, replacing an earlier one; false when nothing changed. A change records
     * {@code access.space_granted} with the new role.
     */
    boolean upsertGrant(CompanyId company, Space space, Grantee grantee, SpaceRole role, Instant now) {
        UUID spaceId = space.id();
        String column = column(grantee);
        int updated = jdbc.sql("UPDATE space_grant SET role = ? WHERE company_id = ? AND space_id = ? AND "
                        + column + " = ? AND role <> ?")
                .params(role.name(), company.value(), spaceId, grantee.id(), role.name())
                .update();
        if (updated > 0) {
            grantEvent(company, EventType.ACCESS_SPACE_GRANTED, space, grantee, role);
            return true;
        }
        long existing = jdbc.sql("SELECT COUNT(*) FROM space_grant WHERE company_id = ? AND space_id = ? AND "
                        + column + " = ?")
                .params(company.value(), spaceId, grantee.id())
                .query(Long.class).single();
        if (existing > 0) {
            return false;
        }
        jdbc.sql("INSERT INTO space_grant (id, space_id, company_id, " + column + ", role, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), spaceId, company.value(), grantee.id(), role.name(), Timestamp.from(now))
                .update();
        grantEvent(company, EventType.ACCESS_SPACE_GRANTED, space, grantee, role);
        return true;
    }

    /** Removes the grantee's grant; {@code access.space_revoked} when there was one. */
    boolean deleteGrant(CompanyId company, Space space, Grantee grantee) {
        boolean removed = jdbc.sql("DELETE FROM space_grant WHERE company_id = ? AND space_id = ? AND "
                        + column(grantee) + " = ?")
                .params(company.value(), space.id(), grantee.id())
                .update() > 0;
        if (removed) {
            grantEvent(company, EventType.ACCESS_SPACE_REVOKED, space, grantee, null);
        }
        return removed;
    }

    private void grantEvent(CompanyId company, EventType type, Space space, Grantee grantee, SpaceRole role) {
        var data = outbox.data();
        data.putObject("space").put("id", space.id().toString()).put("name", space.name());
        data.putObject("grantee").put("type", grantee instanceof Grantee.Group ? "group" : "user")
                .put("id", grantee.id().toString());
        if (role != null) {
            data.put("role", role.name());
        }
        outbox.record(company, type, data);
    }

    List<SpaceGrant> grants(CompanyId company, UUID spaceId) {
        return jdbc.sql("""
                SELECT sg.space_id, sg.user_id, sg.group_id, sg.role, sg.created_at,
                       COALESCE(u.display_name, u.user_name, ug.display_name) AS display
                FROM space_grant sg
                  LEFT JOIN app_user u ON u.id = sg.user_id
                  LEFT JOIN user_group ug ON ug.id = sg.group_id
                WHERE sg.company_id = ? AND sg.space_id = ?
                ORDER BY CASE WHEN sg.user_id IS NULL THEN 1 ELSE 0 END, display, sg.id
                """)
                .params(company.value(), spaceId)
                .query((rs, n) -> {
                    UUID user = rs.getObject("user_id", UUID.class);
                    return new SpaceGrant(rs.getObject("space_id", UUID.class),
                            user != null ? Grantee.user(user) : Grantee.group(rs.getObject("group_id", UUID.class)),
                            rs.getString("display"), SpaceRole.valueOf(rs.getString("role")),
                            rs.getTimestamp("created_at").toInstant());
                })
                .list();
    }

    /**
     * The unarchived Spaces a user may use with their highest role, by name: one query over direct and
     * group grants. {@code onlySpace} narrows it to one Space (null: all).
     */
    List<SpaceAccess> access(CompanyId company, UUID userId, UUID onlySpace) {
        String extra = onlySpace == null ? "" : "AND s.id = ?";
        List<Object> params = new ArrayList<>();
        for (int branch = 0; branch < 2; branch++) {
            params.add(company.value());
            params.add(userId);
            if (onlySpace != null) {
                params.add(onlySpace);
            }
        }
        params.add(company.value());
        params.add(USER_GROUPS);
        Map<UUID, SpaceAccess> best = new LinkedHashMap<>();
        jdbc.sql("SELECT a.id, a.name, a.role FROM (" + ACCESS.formatted(extra) + ") a ORDER BY a.name_ci, a.id")
                .params(params)
                .query((RowCallbackHandler) rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    SpaceRole role = SpaceRole.valueOf(rs.getString("role"));
                    SpaceAccess seen = best.get(id);
                    best.put(id, new SpaceAccess(id, rs.getString("name"),
                            SpaceRole.max(seen == null ? null : seen.role(), role)));
                });
        return List.copyOf(best.values());
    }

    private static Space map(ResultSet rs) throws SQLException {
        Timestamp archived = rs.getTimestamp("archived_at");
        return new Space(rs.getObject("id", UUID.class), new CompanyId(rs.getObject("company_id", UUID.class)),
                rs.getString("name"), archived == null ? null : archived.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }

    private static String column(Grantee grantee) {
        return grantee instanceof Grantee.User ? "user_id" : "group_id";
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
