package io.gatehouse.scim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.directory.Member;
import io.gatehouse.scim.core.schema.ScimSchemas;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The streamed group response equals the tree-rendered one for every projection, and members reach the
 * output stream while they are still being read, not after the last one.
 */
class StreamedGroupWriterTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String USERS = "https://gatehouse.example/scim/v2/Users/";

    @ParameterizedTest(name = "members={0} attributes={1} excludedAttributes={2}")
    @CsvSource(nullValues = "-", value = {
            "3, -, -",
            "0, -, -",
            "3, members, -",
            "0, members, -",
            "3, members.value, -",
            "0, members.value, -",
            "3, displayName, -",
            "3, -, members",
            "3, -, members.display",
            "0, -, members.display",
            "3, -, meta",
            "3, 'displayName,members.display', 'members.value'",
            "3, externalId, -",
            "3, 'members[display eq \"Person Number 1\"]', -",
            "3, 'members[display sw \"person\"].value', -",
            "3, 'displayName,members[display eq \"Nobody\"]', -",
            "0, 'members[type eq \"User\"]', -",
            "3, -, 'members[display eq \"Person Number 0\"]'",
            "3, -, 'members[display eq \"Person Number 0\"].display'",
            "3, 'members[display ew \"1\"],members.value', 'members[display eq \"Person Number 1\"].$ref'",
    })
    void writesWhatTheTreeRenderingWouldHaveWritten(int memberCount, String attributes, String excluded) {
        List<Member> members = members(memberCount);

        String streamed = streamed(attributes, excluded, members, new ArrayList<>());

        assertThat(streamed).isEqualTo(treeRendered(attributes, excluded, members));
    }

    @Test
    void membersAreNotReadWhenTheResponseLeavesThemOut() {
        List<String> reads = new ArrayList<>();

        streamed(null, "members", members(5), reads);
        streamed("displayName", null, members(5), reads);
        streamed("displayName", "members[display eq \"Person Number 1\"]", members(5), reads);

        assertThat(reads).isEmpty();
    }

    @Test
    void membersReachTheOutputWhileTheCursorIsStillBeingRead() {
        int count = 20_000;
        ByteArrayOutputStream output = new ByteArrayOutputStream(); // stands for the servlet output stream
        long[] writtenWhenLastMemberWasRead = {-1};
        StreamedGroupWriter writer = writer(null, null);

        try (JsonGenerator out = MAPPER.createGenerator(output)) {
            writer.write(out, sink -> {
                List<Member> all = members(count);
                for (int i = 0; i < count; i++) {
                    if (i == count - 1) {
                        writtenWhenLastMemberWasRead[0] = output.size();
                    }
                    sink.accept(all.get(i));
                }
            });
        }

        // each member is ~150 bytes: by the last row, all but the generator's small buffer was already written
        assertThat(output.size()).isGreaterThan(2_000_000);
        assertThat(writtenWhenLastMemberWasRead[0]).isGreaterThan(output.size() - 64 * 1024);
        assertThat(MAPPER.readTree(output.toString(StandardCharsets.UTF_8)).path("members").size()).isEqualTo(count);
    }

    private static String streamed(String attributes, String excluded, List<Member> members, List<String> reads) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = MAPPER.createGenerator(bytes)) {
            writer(attributes, excluded).write(out, sink -> {
                reads.add("members");
                members.forEach(sink);
            });
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static StreamedGroupWriter writer(String attributes, String excluded) {
        return new StreamedGroupWriter(group(), member(StreamedGroupWriter.prototypeId(), "display"), attributes,
                excluded, id -> USERS + id);
    }

    /** What the controller rendered before streaming: the whole tree, projected, serialised at once. */
    private static String treeRendered(String attributes, String excluded, List<Member> members) {
        ObjectNode out = group();
        ArrayNode list = out.putArray("members");
        members.forEach(m -> list.add(member(m.userId(), m.display())));
        return MAPPER.writeValueAsString(Projection.apply(ScimSchemas.GROUP_RESOURCE, out, attributes, excluded));
    }

    private static ObjectNode group() {
        ObjectNode group = MAPPER.createObjectNode();
        group.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");
        group.put("id", "4b7d1a0e-8f57-4c1e-9d55-0a5b6c3f2e11");
        group.put("displayName", "All staff");
        group.put("externalId", "e-1");
        ObjectNode meta = group.putObject("meta");
        meta.put("resourceType", "Group");
        meta.put("version", "W/\"3\"");
        return group;
    }

    private static ObjectNode member(UUID id, String display) {
        ObjectNode m = MAPPER.createObjectNode();
        m.put("value", id.toString());
        m.put("$ref", USERS + id);
        m.put("display", display);
        m.put("type", "User");
        return m;
    }

    private static List<Member> members(int count) {
        UUID group = UUID.randomUUID();
        List<Member> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new Member(group, new UUID(1, i), "Person Number " + i));
        }
        return out;
    }
}
