package io.gatehouse.directory;

import static io.gatehouse.directory.UserRepository.instant;
import static io.gatehouse.directory.UserRepository.lower;

import io.gatehouse.tenancy.CompanyId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for groups and memberships. Every statement is scoped by company id. */
@Repository
public class GroupRepository {

    private static final String SELECT = """
            SELECT g.id, g.company_id, g.resource, g.source, g.version, g.created_at, g.last_modified_at
            FROM user_group g
            """;
    private static final int CHUNK = 500;
    private final DirectoryEvents events;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JdbcTemplate streaming;
    private final ResourceJson json;

    GroupRepository(JdbcClient jdbc, JdbcTemplate template, ResourceJson json, DirectoryEvents events) {
        this.events = events;
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
        // Members of a 50,000-member group are streamed in slices (PostgreSQL honours this inside a transaction).
        this.streaming = new JdbcTemplate(template.getDataSource());
        this.streaming.setFetchSize(1000);
    }

    public void insert(GroupRecord group) {
        String displayName = group.displayName();
        jdbc.sql("""
                INSERT INTO user_group (id, company_id, display_name, display_name_ci, external_id, resource, source,
                  version, created_at, last_modified_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(group.id(), group.company().value(), displayName, lower(displayName), externalId(group),
                        json.write(group.resource()), group.source().name(), group.version(),
                        Timestamp.from(group.created()), Timestamp.from(group.lastModified()))
                .update();
        events.groupCreated(group);
    }

    /** Writes {@code group} over {@code previous} (as read for update); {@code group.updated} when it changed. */
    public void update(GroupRecord group, GroupRecord previous) {
        String displayName = group.displayName();
        jdbc.sql("""
                UPDATE user_group SET display_name = ?, display_name_ci = ?, external_id = ?, resource = ?, version = ?,
                  last_modified_at = ?
                WHERE id = ? AND company_id = ?
                """)
                .params(displayName, lower(displayName), externalId(group), json.write(group.resource()),
                        group.version(), Timestamp.from(group.lastModified()), group.id(), group.company().value())
                .update();
        events.groupChanged(previous, group);
    }

    private static String externalId(GroupRecord group) {
        String v = group.resource().path("externalId").asString(null);
        return v == null || v.isEmpty() ? null : v;
    }

    public Optional<GroupRecord> find(CompanyId company, UUID id) {
        return jdbc.sql(SELECT + " WHERE g.id = ? AND g.company_id = ?")
                .params(id, company.value())
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** Reads and row-locks a group: concurrent PATCHes of one group are applied one after another. */
    public Optional<GroupRecord> findForUpdate(CompanyId company, UUID id) {
        return jdbc.sql(SELECT + " WHERE g.id = ? AND g.company_id = ? FOR UPDATE")
                .params(id, company.value())
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** Deletes the group (as read for update) and its memberships; {@code group.deleted} stands for both. */
    public boolean delete(GroupRecord group) {
        CompanyId company = group.company();
        UUID id = group.id();
        jdbc.sql("DELETE FROM group_member WHERE group_id = ? AND company_id = ?").params(id, company.value()).update();
        boolean deleted = jdbc.sql("DELETE FROM user_group WHERE id = ? AND company_id = ?").params(id, company.value())
                .update() > 0;
        if (deleted) {
            events.groupDeleted(group);
        }
        return deleted;
    }

    /**
     * One page of groups matching a compiled filter predicate (over alias {@code g}). Members are not read. The
     * count query is skipped when the page itself proves the total (a short page that is the first or not empty,
     * e.g. the last page of a walk through all groups).
     */
    public Page<GroupRecord> search(CompanyId company, String predicate, List<Object> params, String orderBy,
                                    int offset, int limit) {
        String where = " WHERE g.company_id = ?" + (predicate == null ? "" : " AND (" + predicate + ")");
        List<Object> all = new ArrayList<>();
        all.add(company.value());
        all.addAll(params);
        List<GroupRecord> items = limit == 0 ? List.of() : jdbc.sql(SELECT + where
                        + (orderBy == null ? "" : " ORDER BY " + orderBy) + " LIMIT " + limit + " OFFSET " + offset)
                .params(all)
                .query((rs, n) -> map(rs))
                .list();
        boolean pageProvesTotal = items.size() < limit && (offset == 0 || !items.isEmpty());
        long total = pageProvesTotal
                ? offset + items.size()
                : jdbc.sql("SELECT COUNT(*) FROM user_group g" + where).params(all).query(Long.class).single();
        return new Page<>(items, total);
    }

    /**
     * Keyset paging of the company's groups in creation order (the product API's listing), after (created at, id)
     * or from the start when {@code afterCreatedAt} is null; an index seek on (company_id, created_at, id).
     */
    public List<GroupRecord> creationPage(CompanyId company, Instant afterCreatedAt, UUID afterId, int limit) {
        List<Object> params = new ArrayList<>();
        params.add(company.value());
        String position = "";
        if (afterCreatedAt != null) {
            position = " AND (g.created_at > ? OR (g.created_at = ? AND g.id > ?))";
            params.addAll(List.of(Timestamp.from(afterCreatedAt), Timestamp.from(afterCreatedAt), afterId));
        }
        return jdbc.sql(SELECT + " WHERE g.company_id = ?" + position
                        + " ORDER BY g.company_id, g.created_at, g.id LIMIT " + limit)
                .params(params)
                .query((rs, n) -> map(rs))
                .list();
    }

    /**
     * Keyset paging of one group's members in the order the users were created, after the user at (created at,
     * id) or from the start when {@code afterCreatedAt} is null. The caller has checked that the group is one of
     * the company's.
     */
    public List<UserSummary> memberPage(CompanyId company, UUID groupId, Instant afterCreatedAt, UUID afterId,
                                        int limit) {
        List<Object> params = new ArrayList<>(List.of(company.value(), groupId));
        String position = "";
        if (afterCreatedAt != null) {
            position = " AND (u.created_at > ? OR (u.created_at = ? AND u.id > ?))";
            params.addAll(List.of(Timestamp.from(afterCreatedAt), Timestamp.from(afterCreatedAt), afterId));
        }
        return jdbc.sql("""
                SELECT u.id, u.user_name, u.display_name, u.active, u.created_at
                FROM group_member m JOIN app_user u ON u.id = m.user_id AND u.company_id = m.company_id
                WHERE m.company_id = ? AND m.group_id = ?""" + position
                        + " ORDER BY u.created_at, u.id LIMIT " + limit)
                .params(params)
                .query((rs, n) -> new UserSummary(rs.getObject("id", UUID.class), rs.getString("user_name"),
                        rs.getString("display_name"), rs.getBoolean("active"),
                        instant(rs.getTimestamp("created_at"))))
                .list();
    }

    /** Adds members that are not members yet; the caller has checked they are users of this company. */
    public void addMembers(CompanyId company, UUID groupId, Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return;
        }
        List<UUID> fresh = new ArrayList<>(userIds);
        fresh.removeAll(memberIdsAmong(groupId, userIds));
        template.batchUpdate("INSERT INTO group_member (group_id, user_id, company_id) VALUES (?, ?, ?)",
                fresh, CHUNK, (ps, userId) -> {
                    ps.setObject(1, groupId);
                    ps.setObject(2, userId);
                    ps.setObject(3, company.value());
                });
        if (!fresh.isEmpty()) {
            events.membersAdded(company, groupId, fresh);
        }
    }

    /** Removes those of {@code userIds} that are members; {@code group.member_removed} names the ones that were. */
    public void removeMembers(CompanyId company, UUID groupId, Collection<UUID> userIds) {
        List<UUID> ids = new ArrayList<>(userIds);
        int[][] counts = template.batchUpdate(
                "DELETE FROM group_member WHERE group_id = ? AND user_id = ? AND company_id = ?",
                ids, CHUNK, (ps, userId) -> {
                    ps.setObject(1, groupId);
                    ps.setObject(2, userId);
                    ps.setObject(3, company.value());
                });
        List<UUID> removed = new ArrayList<>();
        int i = 0;
        for (int[] chunk : counts) {
            for (int count : chunk) {
                // a driver that reports no count (SUCCESS_NO_INFO) may have removed it: say so (at least once)
                if (count != 0) {
                    removed.add(ids.get(i));
                }
                i++;
            }
        }
        if (!removed.isEmpty()) {
            events.membersRemoved(company, groupId, removed);
        }
    }

    /** Removes every member; the event names them, so they are read first (a rare request: SCIM "remove all"). */
    public void removeAllMembers(CompanyId company, UUID groupId) {
        List<UUID> members = memberIds(company, groupId);
        jdbc.sql("DELETE FROM group_member WHERE group_id = ? AND company_id = ?")
                .params(groupId, company.value())
                .update();
        if (!members.isEmpty()) {
            events.membersRemoved(company, groupId, members);
        }
    }

    private List<UUID> memberIdsAmong(UUID groupId, Collection<UUID> userIds) {
        List<UUID> found = new ArrayList<>();
        List<UUID> list = new ArrayList<>(userIds);
        for (int from = 0; from < list.size(); from += CHUNK) {
            List<UUID> chunk = list.subList(from, Math.min(list.size(), from + CHUNK));
            List<Object> params = new ArrayList<>();
            params.add(groupId);
            params.addAll(chunk);
            found.addAll(jdbc.sql("SELECT user_id FROM group_member WHERE group_id = ? AND user_id IN ("
                            + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")")
                    .params(params)
                    .query((rs, n) -> rs.getObject(1, UUID.class))
                    .list());
        }
        return found;
    }

    /** All member ids of one group (for PUT, which is applied as a diff). */
    public List<UUID> memberIds(CompanyId company, UUID groupId) {
        return jdbc.sql("SELECT user_id FROM group_member WHERE group_id = ? AND company_id = ?")
                .params(groupId, company.value())
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .list();
    }

    /** Streams members of the given groups with their display names, row by row, in group then user order. */
    public void streamMembers(CompanyId company, Collection<UUID> groupIds, Consumer<Member> sink) {
        if (groupIds.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>();
        params.add(company.value());
        params.addAll(groupIds);
        streaming.query("""
                SELECT m.group_id, m.user_id, u.display_name, u.user_name
                FROM group_member m JOIN app_user u ON u.id = m.user_id
                WHERE m.company_id = ? AND m.group_id IN (%s)
                ORDER BY m.group_id, m.user_id
                """.formatted(String.join(",", Collections.nCopies(groupIds.size(), "?"))),
                rs -> {
                    String display = rs.getString("display_name");
                    sink.accept(new Member(rs.getObject("group_id", UUID.class), rs.getObject("user_id", UUID.class),
                            display != null ? display : rs.getString("user_name")));
                }, params.toArray());
    }

    /** The groups of the given users, for the users' read-only {@code groups} attribute: one query per page. */
    public List<GroupRef> groupsOf(CompanyId company, Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(company.value());
        params.addAll(userIds);
        return jdbc.sql("""
                SELECT m.user_id, g.id, g.display_name
                FROM group_member m JOIN user_group g ON g.id = m.group_id
                WHERE m.company_id = ? AND m.user_id IN (%s)
                ORDER BY m.user_id, g.display_name_ci
                """.formatted(String.join(",", Collections.nCopies(userIds.size(), "?"))))
                .params(params)
                .query((rs, n) -> new GroupRef(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3)))
                .list();
    }

    public long count(CompanyId company) {
        return jdbc.sql("SELECT COUNT(*) FROM user_group WHERE company_id = ?").param(company.value())
                .query(Long.class).single();
    }

    private GroupRecord map(ResultSet rs) throws SQLException {
        return new GroupRecord(
                rs.getObject("id", UUID.class),
                new CompanyId(rs.getObject("company_id", UUID.class)),
                json.read(rs.getString("resource")),
                Source.valueOf(rs.getString("source")),
                rs.getLong("version"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("last_modified_at")));
    }
}
