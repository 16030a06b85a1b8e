package io.gatehouse.scim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.EntraBodies;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Scim;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /Groups/{id}} writes members while reading them (chunked, no Content-Length computed from a
 * whole body in memory), with the same content, projections and conditional GET as before.
 */
class GroupStreamingIT extends IntegrationTest {

    private static final int MEMBERS = 300; // ~45 KB of members: several times the server's response buffer

    private Scim scim;
    private String group;
    private final List<String> users = new ArrayList<>();

    @BeforeEach
    void groupWithManyMembers() {
        scim = new Scim(http(), operator().premiumCompanyWithToken().scimToken());
        for (int i = 0; i < MEMBERS; i++) {
            users.add(scim.createUser("member" + i + "@stream.example"));
        }
        group = scim.createGroup("Everyone");
        for (int from = 0; from < MEMBERS; from += 100) {
            StringBuilder values = new StringBuilder();
            for (String id : users.subList(from, Math.min(MEMBERS, from + 100))) {
                values.append(values.isEmpty() ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
            }
            Http.Response r = scim.patch("/Groups/" + group, EntraBodies.patch(
                    "[{\"op\":\"Add\",\"path\":\"members\",\"value\":[" + values + "]}]"));
            assertThat(r.status()).as(r.toString()).isEqualTo(204);
        }
    }

    @Test
    void aLargeGroupIsSentChunkedWithEveryMember() {
        Http.Response r = scim.get("/Groups/" + group);

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Content-Length")).isNull();
        assertThat(r.header("Transfer-Encoding")).isEqualToIgnoringCase("chunked");
        assertThat(r.header("Content-Type")).startsWith("application/scim+json");
        assertThat(r.header("ETag")).isEqualTo(r.json().path("meta").path("version").asString());
        JsonNode body = r.json();
        assertThat(body.path("displayName").asString()).isEqualTo("Everyone");
        Set<String> ids = new HashSet<>();
        for (JsonNode m : body.path("members")) {
            ids.add(m.path("value").asString());
            assertThat(m.path("$ref").asString()).endsWith("/Users/" + m.path("value").asString());
            assertThat(m.path("type").asString()).isEqualTo("User");
            assertThat(m.path("display").asString()).isNotEmpty();
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(users);
        assertThat(body.path("members").size()).isEqualTo(MEMBERS);
    }

    @Test
    void attributesProjectTheStreamedMembers() {
        JsonNode onlyValues = scim.get("/Groups/" + group + "?attributes=members.value").json();
        JsonNode withoutMembers = scim.get("/Groups/" + group + "?excludedAttributes=members").json();
        JsonNode withoutDisplay = scim.get("/Groups/" + group + "?excludedAttributes=members.display").json();

        assertThat(onlyValues.has("displayName")).isFalse();
        assertThat(onlyValues.path("members").size()).isEqualTo(MEMBERS);
        onlyValues.path("members").forEach(m -> assertThat(m.propertyNames()).containsExactly("value"));
        assertThat(withoutMembers.has("members")).isFalse();
        assertThat(withoutMembers.path("displayName").asString()).isEqualTo("Everyone");
        assertThat(withoutDisplay.path("members").size()).isEqualTo(MEMBERS);
        withoutDisplay.path("members").forEach(m -> assertThat(m.propertyNames())
                .containsExactly("value", "$ref", "type"));
    }

    @Test
    void anEmptyGroupListsNoMembersOrAnEmptyListAsBefore() {
        String empty = scim.createGroup("Nobody");

        assertThat(scim.get("/Groups/" + empty).json().path("members").isArray()).isTrue();
        assertThat(scim.get("/Groups/" + empty).json().path("members").size()).isZero();
        assertThat(scim.get("/Groups/" + empty + "?attributes=members").json().has("members")).isFalse();
    }

    @Test
    void ifNoneMatchWithTheCurrentVersionIsNotModified() {
        String etag = scim.get("/Groups/" + group).header("ETag");

        Http.Response r = scim.send("GET", "/Groups/" + group, null, Map.of("If-None-Match", etag));

        assertThat(r.status()).isEqualTo(304);
        assertThat(r.header("ETag")).isEqualTo(etag);
        assertThat(r.body()).isEmpty();
    }
}
