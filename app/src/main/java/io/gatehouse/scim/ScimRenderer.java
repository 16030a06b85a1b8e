package io.gatehouse.scim;

import io.gatehouse.config.GatehouseProperties;
import io.gatehouse.directory.GroupRecord;
import io.gatehouse.directory.GroupRef;
import io.gatehouse.directory.UserRecord;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Turns stored users and groups into SCIM resources: id, meta (RFC 7643 section 3.1) and references. */
@Component
class ScimRenderer {

    private final ScimJson json;
    private final String base;

    ScimRenderer(ScimJson json, GatehouseProperties properties) {
        this.json = json;
        this.base = properties.scimBaseUrl();
    }

    String userLocation(UUID id) {
        return base + "/Users/" + id;
    }

    String groupLocation(UUID id) {
        return base + "/Groups/" + id;
    }

    ObjectNode user(UserRecord user, List<GroupRef> groups) {
        ObjectNode out = json.object();
        out.set("schemas", user.resource().path("schemas"));
        out.put("id", user.id().toString());
        copyAllBut(user.resource(), out);
        ArrayNode refs = out.putArray("groups");
        for (GroupRef g : groups) {
            ObjectNode ref = refs.addObject();
            ref.put("value", g.groupId().toString());
            ref.put("$ref", groupLocation(g.groupId()));
            ref.put("display", g.display());
            ref.put("type", "direct");
        }
        out.set("meta", meta("User", user.created(), user.lastModified(), userLocation(user.id()), user.version()));
        return out;
    }

    /** A group without members; the caller appends {@code members} when they were asked for. */
    ObjectNode group(GroupRecord group) {
        ObjectNode out = json.object();
        out.set("schemas", group.resource().path("schemas"));
        out.put("id", group.id().toString());
        copyAllBut(group.resource(), out);
        out.set("meta", meta("Group", group.created(), group.lastModified(), groupLocation(group.id()),
                group.version()));
        return out;
    }

    ObjectNode member(UUID userId, String display) {
        ObjectNode m = json.object();
        m.put("value", userId.toString());
        m.put("$ref", userLocation(userId));
        if (display != null) {
            m.put("display", display);
        }
        m.put("type", "User");
        return m;
    }

    private static void copyAllBut(ObjectNode from, ObjectNode to) {
        for (var entry : from.properties()) {
            String name = entry.getKey();
            if (!name.equals("schemas") && !name.equals("id") && !name.equals("meta") && !name.equals("groups")
                    && !name.equals("members")) {
                to.set(name, entry.getValue());
            }
        }
    }

    private JsonNode meta(String type, Instant created, Instant lastModified, String location, long version) {
        ObjectNode meta = json.object();
        meta.put("resourceType", type);
        meta.put("created", created.toString());
        meta.put("lastModified", lastModified.toString());
        meta.put("location", location);
        meta.put("version", Etags.of(version));
        return meta;
    }
}
