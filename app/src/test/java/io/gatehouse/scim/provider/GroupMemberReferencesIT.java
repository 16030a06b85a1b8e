package io.gatehouse.scim.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.Scim;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every member of a group carries {@code display} (the user's displayName, else userName) and {@code $ref} (the
 * user's absolute URL under the SCIM base), on the streamed {@code GET /Groups/{id}} and on every other response
 * that lists members (docs/scim.md, "Leniencies").
 */
class GroupMemberReferencesIT extends ProviderFixture {

    private static final String USERS = "https://gatehouse.test/scim/v2/Users/";

    private String named;
    private String unnamed;
    private String group;

    @BeforeEach
    void groupWithANamedAndAnUnnamedUser() {
        named = scim.createUser("named@acme.example"); // displayName "named Example"
        Http.Response r = scim.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"unnamed@acme.example"}""");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        unnamed = r.json().path("id").asString();
        group = scim.createGroup("Team");
        assertThat(patchGroup(group, op("add", "members", "[\"" + named + "\",\"" + unnamed + "\"]")).status())
                .isEqualTo(204);
    }

    @Test
    void theStreamedGroupGivesEveryMemberItsDisplayNameElseUserNameAndAbsoluteRef() {
        assertMemberReferences(group(group));
    }

    @Test
    void groupListingsAndWriteResponsesGiveTheSameMemberReferences() {
        assertMemberReferences(scim.get("/Groups").json().path("Resources").get(0));
        assertMemberReferences(scim.get("/Groups?filter=" + Scim.filter("displayName eq \"Team\"")).json()
                .path("Resources").get(0));
        assertMemberReferences(scim.put("/Groups/" + group, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Team",
                 "members":[{"value":"%s"},{"value":"%s"}]}""".formatted(named, unnamed)).json());
    }

    @Test
    void theRefIsUnderTheScimBaseAlsoWhenTheRequestCameThroughTheAlias() {
        assertMemberReferences(new Scim(http(), company.scimToken(), "/scim").get("/Groups/" + group + "/").json());
    }

    @Test
    void theDisplayFollowsARenamedUser() {
        patchUser(unnamed, op("replace", "displayName", quoted("Now Named")));

        assertThat(displays(group(group)).get(unnamed)).isEqualTo("Now Named");
    }

    @Test
    void excludingMembersDisplayDropsOnlyThatSubAttributeOnBothPaths() {
        JsonNode streamed = scim.get("/Groups/" + group + "?excludedAttributes=members.display").json();
        JsonNode listed = scim.get("/Groups?excludedAttributes=members.display").json().path("Resources").get(0);

        for (JsonNode body : new JsonNode[] {streamed, listed}) {
            assertThat(body.path("displayName").asString()).isEqualTo("Team");
            assertThat(body.path("members").size()).isEqualTo(2);
            body.path("members").forEach(m -> {
                assertThat(m.propertyNames()).containsExactly("value", "$ref", "type");
                assertThat(m.path("$ref").asString()).isEqualTo(USERS + m.path("value").asString());
            });
        }
    }

    private void assertMemberReferences(JsonNode body) {
        assertThat(body.path("members").size()).as(body.toString()).isEqualTo(2);
        body.path("members").forEach(m -> {
            assertThat(m.path("$ref").asString()).isEqualTo(USERS + m.path("value").asString());
            assertThat(m.path("type").asString()).isEqualTo("User");
        });
        assertThat(displays(body)).containsExactlyInAnyOrderEntriesOf(
                Map.of(named, "named Example", unnamed, "unnamed@acme.example"));
    }

    private static Map<String, String> displays(JsonNode body) {
        Map<String, String> out = new HashMap<>();
        body.path("members").forEach(m -> out.put(m.path("value").asString(), m.path("display").asString()));
        return out;
    }
}
