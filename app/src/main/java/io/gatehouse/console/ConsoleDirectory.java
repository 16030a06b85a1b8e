package io.gatehouse.console;

import io.gatehouse.access.AdministratorSafety;
import io.gatehouse.directory.DirectoryLock;
import io.gatehouse.directory.GroupRef;
import io.gatehouse.directory.GroupRepository;
import io.gatehouse.directory.Source;
import io.gatehouse.directory.UserDeactivation;
import io.gatehouse.directory.UserRecord;
import io.gatehouse.directory.UserRepository;
import io.gatehouse.tenancy.CompanyId;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The users list of the console (SQL paging, search on userName and display name) and the local changes it
 * allows: invite (a LOCAL user) and deactivate, each only while {@link DirectoryLock} says the directory is
 * managed locally.
 */
@Service
class ConsoleDirectory {

    static final int PAGE_SIZE = 25;
    /** The list counts matches up to this many; beyond, it says "more than" (see UserRepository.countUpTo). */
    static final int COUNT_CAP = 1000;

    /** One row of the users list. */
    record UserRow(UUID id, String userName, String name, boolean active, Source source, List<String> groups) {}

    private final UserRepository users;
    private final GroupRepository groups;
    private final DirectoryLock lock;
    private final UserDeactivation deactivation;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final boolean postgres;
    private final AdministratorSafety safety;

    ConsoleDirectory(UserRepository users, GroupRepository groups, DirectoryLock lock, UserDeactivation deactivation,
                     JsonMapper json, Clock clock, TransactionTemplate tx, JdbcClient jdbc, DataSource dataSource,
                     AdministratorSafety safety) throws SQLException {
        this.safety = safety;
        this.tx = tx;
        this.jdbc = jdbc;
        try (Connection c = dataSource.getConnection()) {
            this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        }
        this.users = users;
        this.groups = groups;
        this.lock = lock;
        this.deactivation = deactivation;
        this.json = json;
        this.clock = clock;
    }

    /**
     * One page of the list, ordered by userName: the first, the one after userName {@code after}, or the one
     * before userName {@code before} (keyset paging, so every page costs the same). {@code query} matches a
     * userName prefix or a part of the display name (PostgreSQL: trigram indexes, db/vendor/postgresql V7_1).
     */
    Listing list(CompanyId company, String query, String after, String before) {
        if (query == null || query.isBlank() || !postgres) {
            return listing(company, query, after, before);
        }
        // The search's LIKE patterns are bound parameters. After five executions PostgreSQL may switch a prepared
        // statement to a generic plan, which cannot use the pattern for an index (it is unknown when planning):
        // the search then read the whole company, 270 ms at 100,000 users instead of a few ms. Plan it with the
        // actual pattern, for this transaction only (the SCIM paths keep their cached generic plans).
        return tx.execute(status -> {
            jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
            return listing(company, query, after, before);
        });
    }

    private Listing listing(CompanyId company, String query, String after, String before) {
        String predicate = null;
        List<Object> params = new ArrayList<>();
        if (query != null && !query.isBlank()) {
            String q = escapeLike(query.strip().toLowerCase(Locale.ROOT));
            predicate = "u.user_name_ci LIKE ? ESCAPE '\\' OR LOWER(u.display_name) LIKE ? ESCAPE '\\'";
            params.add(q + "%");
            params.add("%" + q + "%");
        }
        String from = blankToNull(after);
        String to = from == null ? blankToNull(before) : null;
        List<UserRecord> found = new ArrayList<>(users.keysetPage(company, predicate, params, from, to,
                PAGE_SIZE + 1));
        boolean more = found.size() > PAGE_SIZE;
        if (more) {
            found.remove(PAGE_SIZE);
        }
        if (to != null) {
            Collections.reverse(found);
        }
        boolean hasNext = to != null || more;
        boolean hasPrevious = from != null || (to != null && more);
        long total = from == null && to == null && !more ? found.size()
                : users.countUpTo(company, predicate, params, COUNT_CAP);
        List<UserRow> rows = rows(company, found);
        return new Listing(rows, Math.min(total, COUNT_CAP), total > COUNT_CAP,
                hasNext && !rows.isEmpty() ? rows.get(rows.size() - 1).userName().toLowerCase(Locale.ROOT) : null,
                hasPrevious && !rows.isEmpty() ? rows.get(0).userName().toLowerCase(Locale.ROOT) : null);
    }

    /**
     * A page of the users list; {@code next}/{@code previous} are the keyset cursors, null at either end;
     * {@code moreThanTotal} when there are more than {@code total} (= {@link #COUNT_CAP}) matches.
     */
    record Listing(List<UserRow> rows, long total, boolean moreThanTotal, String next, String previous) {}

    private List<UserRow> rows(CompanyId company, List<UserRecord> found) {
        Map<UUID, List<String>> groupsByUser = new LinkedHashMap<>();
        List<UUID> ids = found.stream().map(UserRecord::id).toList();
        if (!ids.isEmpty()) {
            for (GroupRef ref : groups.groupsOf(company, ids)) {
                groupsByUser.computeIfAbsent(ref.userId(), k -> new ArrayList<>()).add(ref.display());
            }
        }
        return found.stream()
                .map(u -> new UserRow(u.id(), u.userName(), name(u), u.active(), u.source(),
                        groupsByUser.getOrDefault(u.id(), List.of())))
                .toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.toLowerCase(Locale.ROOT);
    }

    /** Creates an active LOCAL user. */
    @Transactional
    UUID invite(CompanyId company, String email, String displayName) {
        lock.requireLocallyManaged(company);
        String userName = normalizeEmail(email);
        if (users.findByUserName(company, userName).isPresent()) {
            throw new IllegalArgumentException("A user with this email already exists.");
        }
        String name = displayName == null || displayName.isBlank() ? userName : displayName.strip();
        if (name.length() > 512) {
            throw new IllegalArgumentException("The name must be at most 512 characters.");
        }
        ObjectNode body = json.createObjectNode();
        body.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        body.put("userName", userName);
        body.put("displayName", name);
        body.put("active", true);
        body.putArray("emails").addObject().put("value", userName).put("type", "work").put("primary", true);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        users.insert(new UserRecord(id, company, body, Source.LOCAL, 1, now, now));
        return id;
    }

    /** Deactivates a user of the company and ends what they hold (sessions). */
    @Transactional
    boolean deactivate(CompanyId company, UUID userId) {
        lock.requireLocallyManaged(company);
        boolean admin = safety.isAdministrator(company, userId);
        if (admin) {
            safety.lock(company);
        }
        UserRecord current = users.findForUpdate(company, userId).orElseThrow(ConsoleErrors.NotFoundException::new);
        if (!current.active()) {
            return false;
        }
        setActive(current, false);
        deactivation.deactivated(company, userId);
        if (admin) {
            safety.requireOneLeft(company, current.userName());
        }
        return true;
    }

    /** Reactivates a LOCAL user deactivated here; only while the directory is managed locally. */
    @Transactional
    boolean reactivate(CompanyId company, UUID userId) {
        lock.requireLocallyManaged(company);
        UserRecord current = users.findForUpdate(company, userId).orElseThrow(ConsoleErrors.NotFoundException::new);
        if (current.active()) {
            return false;
        }
        setActive(current, true);
        return true;
    }

    private void setActive(UserRecord current, boolean active) {
        ObjectNode resource = current.resource().deepCopy();
        resource.put("active", active);
        users.update(new UserRecord(current.id(), current.company(), resource, current.source(),
                current.version() + 1, current.created(), clock.instant()), current);
    }

    static String name(UserRecord user) {
        String display = user.resource().path("displayName").asString("");
        if (!display.isBlank()) {
            return display;
        }
        String composed = (user.resource().path("name").path("givenName").asString("") + " "
                + user.resource().path("name").path("familyName").asString("")).trim();
        return composed.isEmpty() ? user.userName() : composed;
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static String normalizeEmail(String email) {
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        int at = e.indexOf('@');
        if (e.length() > 254 || at < 1 || at != e.lastIndexOf('@') || at == e.length() - 1
                || e.chars().anyMatch(c -> c <= ' ' || "<>()[]\\,;:\"".indexOf(c) >= 0)) {
            throw new IllegalArgumentException("Enter a valid email address, such as name@company.com.");
        }
        return e;
    }
}
