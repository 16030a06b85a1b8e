package io.gatehouse.scim;

import io.gatehouse.directory.GroupRecord;
import io.gatehouse.directory.GroupMembershipLoss;
import io.gatehouse.directory.GroupRepository;
import io.gatehouse.directory.Member;
import io.gatehouse.directory.Page;
import io.gatehouse.directory.Source;
import io.gatehouse.directory.UserRepository;
import io.gatehouse.scim.core.ScimException;
import io.gatehouse.scim.core.filter.FilterMappings;
import io.gatehouse.scim.core.filter.SqlFilterCompiler;
import io.gatehouse.scim.core.filter.SqlFragment;
import io.gatehouse.scim.core.patch.GroupPatch;
import io.gatehouse.scim.core.patch.GroupPatchResult;
import io.gatehouse.scim.core.patch.MemberChange;
import io.gatehouse.scim.core.resource.GroupResources;
import io.gatehouse.scim.core.resource.NormalizedGroup;
import io.gatehouse.scim.core.resource.RequestSchemas;
import io.gatehouse.scim.core.schema.ScimSchemas;
import io.gatehouse.tenancy.Company;
import io.gatehouse.tenancy.Feature;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * SCIM Groups. Membership changes are applied as SQL deltas (never by loading and rewriting the member
 * list), under the group's row lock, in one transaction with the rest of the request.
 */
@Service
class ScimGroupService {

    private static final SqlFilterCompiler FILTERS = new SqlFilterCompiler(FilterMappings.groups());
    private static final String DEFAULT_ORDER = "g.created_at, g.id";

    private final GroupRepository groups;
    private final UserRepository users;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final GroupMembershipLoss membershipLoss;

    ScimGroupService(GroupRepository groups, UserRepository users, TransactionTemplate tx, Clock clock,
                     GroupMembershipLoss membershipLoss) {
        this.membershipLoss = membershipLoss;
        this.groups = groups;
        this.users = users;
        this.tx = tx;
        this.clock = clock;
    }

    /** User groups are a plan feature: 403 with the explanation when the plan lacks it. */
    static void requireGroups(Company company) {
        if (!company.has(Feature.USER_GROUPS)) {
            throw new ScimException(403, null, Feature.USER_GROUPS.notInPlanMessage());
        }
    }

    GroupRecord create(Company company, JsonNode body) {
        requireGroups(company);
        RequestSchemas.require(body, ScimSchemas.GROUP_RESOURCE);
        NormalizedGroup normalized = GroupResources.normalize(body);
        Instant now = clock.instant();
        GroupRecord group = new GroupRecord(UUID.randomUUID(), company.id(), normalized.group(), Source.SCIM, 1,
                now, now);
        return tx.execute(status -> {
            try {
                groups.insert(group);
            } catch (DuplicateKeyException e) {
                throw duplicate(group.displayName());
            }
            if (normalized.memberIds() != null) {
                addMembers(company, group.id(), checkedUsers(company, normalized.memberIds()));
            }
            return group;
        });
    }

    GroupRecord get(Company company, UUID id) {
        requireGroups(company);
        return groups.find(company.id(), id).orElseThrow(() -> ResourceIds.notFound("Group", id.toString()));
    }

    Page<GroupRecord> list(Company company, ListQuery query, int offset) {
        requireGroups(company);
        SqlFragment where = query.filter() == null ? null : FILTERS.compile(query.filter());
        String order = orderBy(query, where);
        return groups.search(company.id(), where == null ? null : where.sql(),
                where == null ? List.of() : where.params(), order, offset, query.count());
    }

    void streamMembers(Company company, Collection<UUID> groupIds, Consumer<Member> sink) {
        tx.executeWithoutResult(status -> groups.streamMembers(company.id(), groupIds, sink));
    }

    /** PUT replaces attributes and, when the body has members, the member list (applied as a diff). */
    GroupRecord replace(Company company, UUID id, JsonNode body, String ifMatch) {
        requireGroups(company);
        RequestSchemas.require(body, ScimSchemas.GROUP_RESOURCE);
        NormalizedGroup normalized = GroupResources.normalize(body);
        return tx.execute(status -> {
            GroupRecord current = lock(company, id, ifMatch);
            GroupRecord updated = save(current, normalized.group());
            if (normalized.memberIds() != null) {
                Set<UUID> wanted = checkedUsers(company, normalized.memberIds());
                Set<UUID> present = new HashSet<>(groups.memberIds(company.id(), id));
                Set<UUID> toRemove = new HashSet<>(present);
                toRemove.removeAll(wanted);
                wanted.removeAll(present);
                if (!toRemove.isEmpty()) {
                    membershipLoss.membersMayLeave(company.id(), id);
                }
                groups.removeMembers(company.id(), id, toRemove);
                addMembers(company, id, wanted);
            }
            return updated;
        });
    }

    GroupRecord patch(Company company, UUID id, JsonNode body, String ifMatch) {
        requireGroups(company);
        return tx.execute(status -> {
            GroupRecord current = lock(company, id, ifMatch);
            GroupPatchResult result = GroupPatch.apply(current.resource(), body);
            for (MemberChange change : result.memberChanges()) {
                apply(company, id, change);
            }
            return save(current, result.group());
        });
    }

    private void apply(Company company, UUID groupId, MemberChange change) {
        if (change instanceof MemberChange.AddMembers add) {
            addMembers(company, groupId, checkedUsers(company, add.userIds()));
        } else if (change instanceof MemberChange.RemoveMembers remove) {
            membershipLoss.membersMayLeave(company.id(), groupId);
            groups.removeMembers(company.id(), groupId, uuids(remove.userIds()));
        } else if (change instanceof MemberChange.RemoveAllMembers) {
            membershipLoss.membersMayLeave(company.id(), groupId);
            groups.removeAllMembers(company.id(), groupId);
        }
    }

    /**
     * Adds members checked by {@link #checkedUsers}. That check reads without locking the users, so a user
     * deleted by a concurrent request (on any node) between the check and the insert surfaces here as a
     * foreign-key violation (PostgreSQL 23503, H2 23506). It is answered as if the delete had come first:
     * the whole request is refused as invalidValue and rolled back, instead of a 500.
     */
    private void addMembers(Company company, UUID groupId, Set<UUID> userIds) {
        try {
            groups.addMembers(company.id(), groupId, userIds);
        } catch (DataIntegrityViolationException e) {
            if (!isMissingParent(e)) {
                throw e;
            }
            throw ScimException.invalidValue("members refer to users that no longer exist in this company "
                    + "(deleted while this request ran); nothing was changed.");
        }
    }

    private static boolean isMissingParent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && ("23503".equals(sql.getSQLState()) || "23506".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    void delete(Company company, UUID id, String ifMatch) {
        requireGroups(company);
        tx.executeWithoutResult(status -> {
            GroupRecord locked = lock(company, id, ifMatch);
            membershipLoss.membersMayLeave(company.id(), id);
            groups.delete(locked);
        });
    }

    private GroupRecord lock(Company company, UUID id, String ifMatch) {
        GroupRecord current = groups.findForUpdate(company.id(), id)
                .orElseThrow(() -> ResourceIds.notFound("Group", id.toString()));
        Etags.checkIfMatch(ifMatch, current.version());
        return current;
    }

    private GroupRecord save(GroupRecord current, tools.jackson.databind.node.ObjectNode resource) {
        GroupRecord updated = new GroupRecord(current.id(), current.company(), resource, current.source(),
                current.version() + 1, current.created(), clock.instant());
        try {
            groups.update(updated, current);
        } catch (DuplicateKeyException e) {
            throw duplicate(updated.displayName());
        }
        return updated;
    }

    /**
     * Member ids must be users of this company; one unknown id fails the whole request (all or none). The error
     * names the first unknown ids in request order, whether they are not ids at all or ids of no user here.
     */
    private Set<UUID> checkedUsers(Company company, Collection<String> ids) {
        Set<UUID> wanted = uuids(ids);
        Set<UUID> found = new HashSet<>(users.existing(company.id(), wanted));
        if (found.size() != wanted.size() || wanted.size() != ids.size()) {
            List<String> unknown = ids.stream().filter(s -> !found.contains(parse(s))).distinct().limit(5).toList();
            if (!unknown.isEmpty()) {
                throw unknownMembers(unknown);
            }
        }
        return wanted;
    }

    private static Set<UUID> uuids(Collection<String> ids) {
        Set<UUID> out = new LinkedHashSet<>();
        for (String s : ids) {
            UUID u = parse(s);
            if (u != null) {
                out.add(u);
            }
        }
        return out;
    }

    private static UUID parse(String s) {
        try {
            return s != null && s.length() == 36 ? UUID.fromString(s) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ScimException unknownMembers(List<String> ids) {
        return ScimException.invalidValue("members refer to users that do not exist in this company: " + ids);
    }

    private static ScimException duplicate(String displayName) {
        return ScimException.uniqueness("A group with displayName \"" + displayName
                + "\" already exists in this company.");
    }

    /** The ORDER BY of a listing; none for a lookup by a unique key (see SqlFragment#atMostOneRow). */
    private static String orderBy(ListQuery query, SqlFragment where) {
        if (query.sortBy() != null) {
            return FILTERS.sortExpression(query.sortBy()) + (query.descending() ? " DESC" : " ASC") + ", g.id";
        }
        return where != null && where.atMostOneRow() ? null : DEFAULT_ORDER;
    }
}
