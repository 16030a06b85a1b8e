package io.gatehouse.scim;

import io.gatehouse.directory.Member;
import io.gatehouse.scim.core.resource.AttributeSelection;
import io.gatehouse.scim.core.schema.AttributeDefinition;
import io.gatehouse.scim.core.schema.ScimSchemas;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes one group resource with its members straight from the database cursor to the response, so a
 * 50,000-member group is never held in memory (not as a list, not as a JSON tree, not as a String).
 *
 * <p>The output is byte for byte what rendering the whole resource as a tree, applying
 * {@code attributes}/{@code excludedAttributes} (RFC 7644 section 3.4.2.5) and serialising it would give:
 * the projection is decided once on the group with one prototype member, and the member sub-attributes the
 * prototype keeps are the ones written for every member (a projection keeps or drops sub-attributes by
 * name, never by value). As in {@code AttributeSelection}, a projected empty member list is left out,
 * while an unprojected one is written as {@code []}. A value filter on members ({@code attributes=members[display
 * sw "A"]}) does select by value: then each member is rendered and selected on its own
 * ({@link AttributeSelection#selectValue}), still one at a time, never the whole list.
 */
final class StreamedGroupWriter {

    /** Stands for every member while the projection is decided; never written. */
    private static final UUID PROTOTYPE = new UUID(0, 0);
    private static final AttributeDefinition MEMBERS = ScimSchemas.GROUP.attribute("members").orElseThrow();

    private final ObjectNode head;
    private final List<String> memberFields;
    private final boolean omitEmptyMembers;
    private final Function<UUID, String> userLocation;
    private final ObjectNode prototype;
    private final AttributeSelection byValue; // non-null when a value filter selects members

    /**
     * @param group         the rendered group without members (id, attributes, meta)
     * @param prototype     a rendered member with every sub-attribute (value, $ref, display, type)
     * @param userLocation  the {@code $ref} of a member
     */
    StreamedGroupWriter(ObjectNode group, ObjectNode prototype, String attributes, String excludedAttributes,
                        Function<UUID, String> userLocation) {
        boolean projected = attributes != null || excludedAttributes != null;
        AttributeSelection selection = projected
                ? AttributeSelection.of(ScimSchemas.GROUP_RESOURCE, attributes, excludedAttributes) : null;
        boolean wanted = selection == null || selection.wants(ScimSchemas.GROUP, MEMBERS);
        ObjectNode withPrototype = group.deepCopy();
        if (wanted) {
            withPrototype.putArray("members").add(prototype);
        }
        this.head = selection == null ? withPrototype : selection.apply(withPrototype);
        this.byValue = selection != null && selection.filtersValuesOf(ScimSchemas.GROUP, MEMBERS) ? selection : null;
        if (byValue != null && wanted && !head.has("members")) {
            head.putArray("members"); // members come last in the tree rendering too (after meta)
        }
        JsonNode kept = head.path("members").path(0);
        this.memberFields = List.copyOf(kept.propertyNames());
        this.omitEmptyMembers = projected;
        this.userLocation = userLocation;
        this.prototype = prototype;
    }

    static UUID prototypeId() {
        return PROTOTYPE;
    }

    /**
     * Writes the resource; {@code members} is called only if the response includes members (so they are not
     * read otherwise), once, at the members' place, and hands every member
     * (in output order) to the consumer it is given, which writes it at once.
     */
    void write(JsonGenerator out, Consumer<Consumer<Member>> members) {
        out.writeStartObject();
        for (Map.Entry<String, JsonNode> property : head.properties()) {
            if (property.getKey().equals("members")) {
                writeMembers(out, members);
            } else {
                out.writeName(property.getKey());
                out.writeTree(property.getValue());
            }
        }
        out.writeEndObject();
        out.flush();
    }

    private void writeMembers(JsonGenerator out, Consumer<Consumer<Member>> members) {
        boolean[] started = {false};
        if (!omitEmptyMembers) {
            startMembers(out, started);
        }
        members.accept(member -> {
            if (byValue == null) {
                startMembers(out, started);
                writeMember(out, member);
                return;
            }
            JsonNode selected = byValue.selectValue(ScimSchemas.GROUP, MEMBERS, rendered(member));
            if (selected != null) {
                startMembers(out, started);
                out.writeTree(selected);
            }
        });
        if (started[0]) {
            out.writeEndArray();
        }
    }

    private static void startMembers(JsonGenerator out, boolean[] started) {
        if (!started[0]) {
            out.writeName("members");
            out.writeStartArray();
            started[0] = true;
        }
    }

    /** The member as the tree rendering shows it: the prototype's fields, in its order, with this member's values. */
    private ObjectNode rendered(Member member) {
        ObjectNode m = prototype.deepCopy();
        m.put("value", member.userId().toString());
        m.put("$ref", userLocation.apply(member.userId()));
        if (member.display() != null) {
            m.put("display", member.display());
        } else {
            m.remove("display");
        }
        return m;
    }

    private void writeMember(JsonGenerator out, Member member) {
        // a failed write (client gone) throws JacksonException, which ends the cursor and its transaction
        out.writeStartObject();
        for (String field : memberFields) {
            switch (field) {
                case "value" -> out.writeStringProperty("value", member.userId().toString());
                case "$ref" -> out.writeStringProperty("$ref", userLocation.apply(member.userId()));
                case "display" -> {
                    if (member.display() != null) {
                        out.writeStringProperty("display", member.display());
                    }
                }
                case "type" -> out.writeStringProperty("type", "User");
                default -> throw new IllegalStateException("unexpected member attribute " + field);
            }
        }
        out.writeEndObject();
    }
}
