package io.gatehouse.scim;

import io.gatehouse.directory.GroupRef;
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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** SCIM Users: one transaction per request, company-scoped SQL, the pure cores for parsing and PATCH. */
@Service
class ScimUserService {

    private static final SqlFilterCompiler FILTERS = new SqlFilterCompiler(FilterMappings.users());
    /** How often a PUT or PATCH is applied again when concurrent changes keep overtaking it. */
    private static final int MAX_ATTEMPTS = 5;

    private final UserRepository users;
    private final UserDeactivation deactivation;
    private final TransactionTemplate tx;
    private final Clock clock;

    ScimUserService(UserRepository users, UserDeactivation deactivation, TransactionTemplate tx, Clock clock) {
        this.users = users;
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
        PageWithGroups found = users.findWithGroups(company.id(), id);
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

    /** A user as written by a PUT or PATCH, with the groups it belongs to (the response's read-only attribute). */
    record Modified(UserRecord user, List<GroupRef> groups) {
    }

    Modified replace(Company company, UUID id, JsonNode body, String ifMatch) {
        RequestSchemas.require(body, ScimSchemas.USER_RESOURCE);
        ObjectNode resource = UserResources.normalize(body);
        return modify(company, id, ifMatch, current -> resource);
    }

    Modified patch(Company company, UUID id, JsonNode body, String ifMatch) {
        return modify(company, id, ifMatch, current -> UserPatch.apply(current.resource(), body));
    }

    /**
     * Read, change, write at the version read: the read is the same one statement as a GET (the user and its groups),
     * not a lock followed by a separate groups query, and the UPDATE writes only if no other request changed the
     * user since (then the change is applied again to what that request wrote). Three statements fewer per PATCH
     * than lock, update, groups (issue 16); a concurrent change is never lost.
     */
    private Modified modify(Company company, UUID id, String ifMatch,
                            java.util.function.Function<UserRecord, ObjectNode> change) {
        return tx.execute(status -> {
            for (int attempt = 1; ; attempt++) {
                PageWithGroups found = get(company, id);
                UserRecord current = found.page().items().get(0);
                Etags.checkIfMatch(ifMatch, current.version());
                ObjectNode resource = change.apply(current);
                UserRecord updated = new UserRecord(id, company.id(), resource, current.source(),
                        current.version() + 1, current.created(), clock.instant());
                boolean written;
                try {
                    written = users.update(updated, current);
                } catch (DuplicateKeyException e) {
                    throw duplicate(updated.userName());
                }
                if (!written) {
                    if (attempt < MAX_ATTEMPTS) {
                        continue;
                    }
                    throw new ScimException(409, null, "The user was changed by other requests while this one was applied;"
                            + " nothing was changed. Send the request again.");
                }
                if (current.active() && !updated.active()) {
                    deactivation.deactivated(company.id(), current);
                }
                return new Modified(updated, found.groupsOf(id));
            }
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
