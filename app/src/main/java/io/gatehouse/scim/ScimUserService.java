package io.gatehouse.scim;

import io.gatehouse.directory.GroupRef;
import io.gatehouse.directory.GroupRepository;
import io.gatehouse.directory.PageWithGroups;
import io.gatehouse.directory.Source;
import io.gatehouse.directory.UserDeactivation;
import io.gatehouse.directory.UserRecord;
import io.gatehouse.directory.UserRepository;
import io.gatehouse.scim.core.ScimException;
import io.gatehouse.scim.core.filter.FilterMappings;
import io.gatehouse.scim.core.filter.SqlFilterCompiler;
import io.gatehouse.scim.core.filter.SqlFragment;
import io.gatehouse.scim.core.patch.UserPatch;
import io.gatehouse.scim.core.resource.RequestSchemas;
import io.gatehouse.scim.core.resource.UserResources;
import io.gatehouse.scim.core.schema.ScimSchemas;
import io.gatehouse.tenancy.Company;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** SCIM Users: one transaction per request, company-scoped SQL, the pure cores for parsing and PATCH. */
@Service
class ScimUserService {

    private static final SqlFilterCompiler FILTERS = new SqlFilterCompiler(FilterMappings.users());

    private final UserRepository users;
    private final GroupRepository groups;
    private final UserDeactivation deactivation;
    private final TransactionTemplate tx;
    private final Clock clock;

    ScimUserService(UserRepository users, GroupRepository groups, UserDeactivation deactivation,
                    TransactionTemplate tx, Clock clock) {
        this.users = users;
        this.groups = groups;
        this.deactivation = deactivation;
        this.tx = tx;
        this.clock = clock;
    }

    UserRecord create(Company company, JsonNode body) {
        RequestSchemas.require(body, ScimSchemas.USER_RESOURCE);
        ObjectNode resource = UserResources.normalize(body);
        Instant now = clock.instant();
        UserRecord user = new UserRecord(UUID.randomUUID(), company.id(), resource, Source.SCIM, 1, now, now);
        return tx.execute(status -> {
            try {
                users.insert(user);
            } catch (DuplicateKeyException e) {
                throw duplicate(user.userName());
            }
            return user;
        });
    }

    /** A user and its groups, in one statement. */
    PageWithGroups get(Company company, UUID id) {
        PageWithGroups found = users.searchWithGroups(company.id(), "u.id = ?", List.of(id), null, 0, 1);
        if (found.page().items().isEmpty()) {
            throw ResourceIds.notFound("User", id.toString());
        }
        return found;
    }

    /** A page of matching users; with their groups (in the same statement) when {@code withGroups}. */
    PageWithGroups list(Company company, ListQuery query, int offset, boolean withGroups) {
        SqlFragment where = query.filter() == null ? null : FILTERS.compile(query.filter());
        String order = orderBy(query, where);
        String predicate = where == null ? null : where.sql();
        List<Object> params = where == null ? List.of() : where.params();
        return withGroups
                ? users.searchWithGroups(company.id(), predicate, params, order, offset, query.count())
                : new PageWithGroups(users.search(company.id(), predicate, params, order, offset, query.count()),
                        Map.of());
    }

    UserRecord replace(Company company, UUID id, JsonNode body, String ifMatch) {
        RequestSchemas.require(body, ScimSchemas.USER_RESOURCE);
        ObjectNode resource = UserResources.normalize(body);
        return modify(company, id, ifMatch, current -> resource);
    }

    UserRecord patch(Company company, UUID id, JsonNode body, String ifMatch) {
        return modify(company, id, ifMatch, current -> UserPatch.apply(current.resource(), body));
    }

    private UserRecord modify(Company company, UUID id, String ifMatch,
                              java.util.function.Function<UserRecord, ObjectNode> change) {
        return tx.execute(status -> {
            UserRecord current = users.findForUpdate(company.id(), id)
                    .orElseThrow(() -> ResourceIds.notFound("User", id.toString()));
            Etags.checkIfMatch(ifMatch, current.version());
            ObjectNode resource = change.apply(current);
            UserRecord updated = new UserRecord(id, company.id(), resource, current.source(),
                    current.version() + 1, current.created(), clock.instant());
            try {
                users.update(updated, current);
            } catch (DuplicateKeyException e) {
                throw duplicate(updated.userName());
            }
            if (current.active() && !updated.active()) {
                deactivation.deactivated(company.id(), current);
            }
            return updated;
        });
    }

    void delete(Company company, UUID id, String ifMatch) {
        tx.executeWithoutResult(status -> {
            UserRecord current = users.findForUpdate(company.id(), id)
                    .orElseThrow(() -> ResourceIds.notFound("User", id.toString()));
            Etags.checkIfMatch(ifMatch, current.version());
            deactivation.deactivated(company.id(), current);
            users.delete(current);
        });
    }

    /** The read-only {@code groups} attribute for a page of users, in one query. */
    Map<UUID, List<GroupRef>> groupsOf(Company company, List<UserRecord> page) {
        if (page.isEmpty()) {
            return Map.of();
        }
        return groups.groupsOf(company.id(), page.stream().map(UserRecord::id).toList()).stream()
                .collect(Collectors.groupingBy(GroupRef::userId));
    }

    private static ScimException duplicate(String userName) {
        return ScimException.uniqueness("A user with userName \"" + userName + "\" already exists in this company.");
    }

    /** The ORDER BY of a listing; none for a lookup by a unique key (see SqlFragment#atMostOneRow). */
    private static String orderBy(ListQuery query, SqlFragment where) {
        if (query.sortBy() != null) {
            return "u.company_id, " + FILTERS.sortExpression(query.sortBy()) + (query.descending() ? " DESC" : " ASC")
                    + ", u.id";
        }
        return where != null && where.atMostOneRow() ? null : UserRepository.CREATION_ORDER;
    }
}
