package io.gatehouse.scim;

import io.gatehouse.directory.Member;
import io.gatehouse.scim.core.resource.AttributeSelection;
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
 * while an unprojected one is written as {@code []}.
 */
final class StreamedGroupWriter {

    /** Stands for every member while the projection is decided; never written. */
    private static final UUID PROTOTYPE = new UUID(0, 0);

    private final ObjectNode head;
    private final List<String> memberFields;
    private final boolean omitEmptyMembers;
    private final Function<UUID, String> userLocation;

    /**
     * @param group         the rendered group without members (id, attributes, meta)
     * @param prototype     a rendered member with every sub-attribute (value, $ref, display, type)
     * @param userLocation  the {@code $ref} of a member
     */
    StreamedGroupWriter(ObjectNode group, ObjectNode prototype, String attributes, String excludedAttributes,
                        Function<UUID, String> userLocation) {
        boolean projected = attributes != null || excludedAttributes != null;
        ObjectNode withPrototype = group.deepCopy();
        if (AttributeSelection.wantsMembers(attributes, excludedAttributes)) {
            withPrototype.putArray("members").add(prototype);
        }
        this.head = Projection.apply(ScimSchemas.GROUP_RESOURCE, withPrototype, attributes, excludedAttributes);
        JsonNode kept = head.path("members").path(0);
        this.memberFields = List.copyOf(kept.propertyNames());
        this.omitEmptyMembers = projected;
        this.userLocation = userLocation;
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
            startMembers(out, started);
            writeMember(out, member);
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
