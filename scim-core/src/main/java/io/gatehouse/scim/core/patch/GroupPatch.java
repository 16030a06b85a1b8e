package io.gatehouse.scim.core.patch;

import io.gatehouse.scim.core.ScimException;
import io.gatehouse.scim.core.patch.MemberChange.AddMembers;
import io.gatehouse.scim.core.patch.MemberChange.RemoveAllMembers;
import io.gatehouse.scim.core.patch.MemberChange.RemoveMembers;
import io.gatehouse.scim.core.patch.PatchOperation.Op;
import io.gatehouse.scim.core.resource.GroupResources;
import io.gatehouse.scim.core.resource.ResourceContent;
import io.gatehouse.scim.core.resource.ValueFilters;
import io.gatehouse.scim.core.schema.AttributeDefinition;
import io.gatehouse.scim.core.schema.AttributeRef;
import io.gatehouse.scim.core.schema.ResourceSchema;
import io.gatehouse.scim.core.schema.ScimSchemas;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * PATCH for Groups (RFC 7644 section 3.5.2) without ever reading the member list: operations on
 * {@code members} become {@link MemberChange}s for the app to apply; all other attributes are
 * patched on a copy of the group like {@link UserPatch} does. All or none: the first failing
 * operation throws.
 *
 * <p>Membership forms accepted, from Entra (both with and without the aadOptscim062020 flag), its
 * validator and Okta: add with {@code {"value": id}} objects ({@code $ref} null, {@code display}
 * ignored) or bare id strings, several per operation; remove by {@code members[value eq "id"]}
 * (or {@code or}-joined terms); remove with path {@code members} and a value list (not in the RFC,
 * sent by Entra by default); remove without path but with a value of members; remove
 * {@code members} without a value = remove all (RFC 7644 section 3.5.2.2); replace {@code members}
 * = remove all then add (RFC 7644 section 3.5.2.3).
 */
public final class GroupPatch {

    /** Upper bound on member ids named in one request; larger changes must be split by the client. */
    public static final int MAX_MEMBER_IDS = 10_000;

    private static final ResourceSchema TYPE = ScimSchemas.GROUP_RESOURCE;
    private static final AttributeDefinition MEMBERS = ScimSchemas.GROUP.attribute("members").orElseThrow();

    private final List<MemberChange> changes = new ArrayList<>();
    private int memberIdsSeen;

    private GroupPatch() {
    }

    /** @return the patched group and the membership changes; {@code storedGroupWithoutMembers} is not modified */
    public static GroupPatchResult apply(ObjectNode storedGroupWithoutMembers, JsonNode patchRequestBody) {
        Objects.requireNonNull(storedGroupWithoutMembers, "storedGroupWithoutMembers");
        List<PatchOperation> operations = PatchRequest.parse(patchRequestBody);
        ObjectNode working = new ResourceContent(TYPE)
                .readBody(storedGroupWithoutMembers, ref -> ref.attribute().equals(MEMBERS)).render(null, null);
        ResourcePatcher patcher = new ResourcePatcher(TYPE, working);
        GroupPatch engine = new GroupPatch();
        for (PatchOperation operation : operations) {
            try {
                engine.apply(patcher, operation);
            } catch (ScimException e) {
                throw new ScimException(e.status(), e.scimType(), operation.label() + ": " + e.detail());
            }
        }
        ObjectNode group = GroupResources.normalize(working, storedGroupWithoutMembers.get("id"),
                storedGroupWithoutMembers.get("meta")).group();
        return new GroupPatchResult(group, engine.changes);
    }

    private void apply(ResourcePatcher patcher, PatchOperation operation) {
        Op op = operation.op();
        JsonNode value = operation.value();
        if (operation.path() == null) {
            if (op != Op.REMOVE) {
                patcher.applyWithoutPath(op, value, (ref, v) -> isMembers(ref) && membersValue(op, v));
                return;
            }
            JsonNode listed = value == null ? null : value.isArray() ? value : PatchRequest.member(value, "members");
            if (listed == null || listed.isNull()) {
                throw ScimException.noTarget("remove requires a path, or a value listing members to remove");
            }
            remove(ids(listed));
            return;
        }
        PatchPath path = PatchPath.parse(operation.path(), TYPE);
        if (path.ref() == null || !isMembers(path.ref())) {
            patcher.apply(op, path, value);
            return;
        }
        if (path.ref().hasSubAttribute()) {
            throw ScimException.invalidPath("Sub-attributes of members cannot be patched; add or remove the member");
        }
        List<String> selected = path.filter() == null ? null
                : count(ValueFilters.equalityValues(path.filter(), "value"));
        switch (op) {
            case ADD -> {
                if (selected != null) {
                    throw ScimException.invalidPath("add takes the path 'members' without a filter");
                }
                add(ids(value));
            }
            case REPLACE -> {
                if (selected == null) {
                    removeAll();
                } else {
                    remove(selected);
                }
                add(ids(value));
            }
            case REMOVE -> {
                if (selected != null) {
                    remove(selected);
                } else if (value == null || value.isNull()) {
                    removeAll();
                } else {
                    remove(ids(value)); // Entra's default form; an empty list removes nothing
                }
            }
        }
    }

    /** A path-less add/replace naming members: {@code {"op":"replace","value":{"members":[...]}}}. */
    private boolean membersValue(Op op, JsonNode value) {
        if (op == Op.REPLACE) {
            removeAll();
        }
        add(ids(value));
        return true;
    }

    private static boolean isMembers(AttributeRef ref) {
        return ref.attribute().equals(MEMBERS);
    }

    private List<String> ids(JsonNode value) {
        return value == null ? List.of() : count(GroupResources.memberIds(value, "members"));
    }

    private List<String> count(List<String> ids) {
        memberIdsSeen += ids.size();
        if (memberIdsSeen > MAX_MEMBER_IDS) {
            throw ScimException.invalidValue("A PATCH request may name at most " + MAX_MEMBER_IDS
                    + " members; split the change into several requests");
        }
        return ids;
    }

    private void add(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        if (!changes.isEmpty() && changes.get(changes.size() - 1) instanceof AddMembers last) {
            changes.set(changes.size() - 1, new AddMembers(union(last.userIds(), ids)));
        } else {
            changes.add(new AddMembers(ids));
        }
    }

    private void remove(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        if (!changes.isEmpty() && changes.get(changes.size() - 1) instanceof RemoveMembers last) {
            changes.set(changes.size() - 1, new RemoveMembers(union(last.userIds(), ids)));
        } else {
            changes.add(new RemoveMembers(ids));
        }
    }

    private void removeAll() {
        if (changes.isEmpty() || !(changes.get(changes.size() - 1) instanceof RemoveAllMembers)) {
            changes.add(new RemoveAllMembers());
        }
    }

    private static List<String> union(List<String> first, List<String> second) {
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return new ArrayList<>(all);
    }
}
