package io.gatehouse.bench.scim;

import io.gatehouse.bench.scim.SyncPlan.Office;
import io.gatehouse.bench.scim.SyncPlan.PlannedGroup;
import io.gatehouse.bench.scim.SyncPlan.PlannedUser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Paths and bodies of the requests the Entra provisioning service sends during an initial sync,
 * shaped after Microsoft's published examples (see /work/shared/entra-provisioning-reference.md,
 * Part A items 1, 10, 12, 14 and the default attribute mappings in Part C 27-28).
 */
final class EntraRequests {

    static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    /** Non-standard URI Entra puts on every group create; servers have to tolerate it. */
    static final String ENTRA_GROUP = "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EntraRequests() {
    }

    /** Entra's matching query before a create; it expects 200 and totalResults 0 for a new user. */
    static String userFilterPath(String userName) {
        return "/Users?filter=" + encode("userName eq \"" + userName + "\"");
    }

    /** Entra asks for groups without members, so a server need not load large member lists. */
    static String groupFilterPath(String displayName) {
        return "/Groups?excludedAttributes=members&filter=" + encode("displayName eq \"" + displayName + "\"");
    }

    static String groupPath(String groupId) {
        return "/Groups/" + encode(groupId);
    }

    /**
     * Default mappings: userPrincipalName → userName, mailNickname → externalId, mail → work email,
     * jobTitle → title, office/address/phones, employeeId and department in the enterprise extension.
     * Entra also sends client-side {@code meta} and an empty {@code roles}, which a server must ignore.
     *
     * @param managerId the manager's SCIM id, or null to send no manager
     */
    static String createUserBody(PlannedUser user, String managerId) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("schemas").add(CORE_USER).add(ENTERPRISE_USER);
        body.put("externalId", user.externalId());
        body.put("userName", user.userName());
        body.put("active", true);
        body.put("displayName", user.displayName());
        body.put("title", user.title());
        body.putArray("emails").addObject()
                .put("primary", true).put("type", "work").put("value", user.userName());
        body.putObject("meta").put("resourceType", "User");
        body.putObject("name")
                .put("formatted", user.givenName() + " " + user.familyName())
                .put("familyName", user.familyName())
                .put("givenName", user.givenName());
        body.set("addresses", addresses(user.office()));
        ArrayNode phones = body.putArray("phoneNumbers");
        phones.addObject().put("type", "work").put("value", user.workPhone());
        phones.addObject().put("type", "mobile").put("value", user.mobilePhone());
        body.putArray("roles");
        ObjectNode enterprise = body.putObject(ENTERPRISE_USER);
        enterprise.put("employeeNumber", user.employeeNumber());
        enterprise.put("department", user.department());
        if (managerId != null) {
            enterprise.putObject("manager").put("value", managerId);
        }
        return JSON.writeValueAsString(body);
    }

    /** Groups are always created empty; members follow in PATCH requests (reference item 10). */
    static String createGroupBody(PlannedGroup group) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("schemas").add(CORE_GROUP).add(ENTRA_GROUP);
        body.put("externalId", group.externalId());
        body.put("displayName", group.displayName());
        body.putObject("meta").put("resourceType", "Group");
        body.putArray("members");
        return JSON.writeValueAsString(body);
    }

    /** Entra's pre-2020 casing ("Add") with a value array of member ids (reference item 14). */
    static String addMembersBody(List<String> userIds) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("schemas").add(PATCH_OP);
        ObjectNode op = body.putArray("Operations").addObject();
        op.put("op", "Add");
        op.put("path", "members");
        ArrayNode value = op.putArray("value");
        userIds.forEach(id -> value.addObject().put("value", id));
        return JSON.writeValueAsString(body);
    }

    /**
     * Entra's remove without a filter: {@code Remove} on {@code members} with a value array
     * (reference item 15 and Part C), which is what it sends unless the aadOptscim062020 flag is set.
     */
    static String removeMembersBody(List<String> userIds) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("schemas").add(PATCH_OP);
        ObjectNode op = body.putArray("Operations").addObject();
        op.put("op", "Remove");
        op.put("path", "members");
        ArrayNode value = op.putArray("value");
        userIds.forEach(id -> value.addObject().put("value", id));
        return JSON.writeValueAsString(body);
    }

    static String userPath(String userId) {
        return "/Users/" + encode(userId);
    }

    /** Lookup by the mailNickname mapping, as a second matching attribute would send it. */
    static String userExternalIdFilterPath(String externalId) {
        return "/Users?filter=" + encode("externalId eq \"" + externalId + "\"");
    }

    /** Groups listed without members, one page of {@code count} from the 1-based {@code startIndex}. */
    static String groupPagePath(int startIndex, int count) {
        return "/Groups?excludedAttributes=members&startIndex=" + startIndex + "&count=" + count;
    }

    /**
     * An incremental user update as Entra sends it without the aadOptscim062020 flag: one
     * {@code Replace} op per changed attribute, and a disable as the string {@code "False"} (Part C).
     */
    static String patchUserBody(ScalePlan.UserChange change) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("schemas").add(PATCH_OP);
        ArrayNode ops = body.putArray("Operations");
        if (change.disable()) {
            ops.addObject().put("op", "Replace").put("path", "active").put("value", "False");
        } else {
            ops.addObject().put("op", "Replace").put("path", "title").put("value", change.title());
            ops.addObject().put("op", "Replace").put("path", ENTERPRISE_USER + ":department")
                    .put("value", change.department());
            ops.addObject().put("op", "Replace").put("path", "phoneNumbers[type eq \"work\"].value")
                    .put("value", change.workPhone());
        }
        return JSON.writeValueAsString(body);
    }

    /** Entra never provisions empty attributes, so a remote worker's address is only its label. */
    private static ArrayNode addresses(Office office) {
        ArrayNode addresses = JSON.createArrayNode();
        ObjectNode work = addresses.addObject().put("type", "work").put("formatted", office.name());
        putIfPresent(work, "streetAddress", office.streetAddress());
        putIfPresent(work, "locality", office.locality());
        putIfPresent(work, "region", office.region());
        putIfPresent(work, "postalCode", office.postalCode());
        putIfPresent(work, "country", office.country());
        return addresses;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (!value.isEmpty()) {
            node.put(field, value);
        }
    }

    /** Query encoding with %20 for spaces: '+' is only a space in form bodies, not per RFC 3986. */
    static String encode(String raw) {
        return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
