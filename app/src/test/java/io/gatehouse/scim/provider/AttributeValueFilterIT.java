package io.gatehouse.scim.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.Scim;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code attributes} / {@code excludedAttributes} with a value filter in brackets (docs/scim.md, "Leniencies"):
 * the attribute comes back with only the values the filter selects; a filter that cannot be evaluated is
 * 400 invalidFilter, never a response that silently lacks the attribute.
 */
class AttributeValueFilterIT extends ProviderFixture {

    private static final String TWO_EMAILS = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","displayName":"%s",
             "emails":[{"type":"work","value":"%s","primary":true},{"type":"home","value":"home.%s"}]}""";

    private String ann;

    @BeforeEach
    void userWithWorkAndHomeEmails() {
        ann = createUser("ann@acme.example", "Ann");
    }

    private String createUser(String userName, String displayName) {
        Http.Response r = scim.post("/Users", TWO_EMAILS.formatted(userName, displayName, userName, userName));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    @Test
    void attributesWithAValueFilterReturnOnlyTheMatchingValues() {
        Http.Response r = scim.get("/Users/" + ann + "?attributes=" + Scim.filter("emails[type eq \"work\"]"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("emails").size()).isEqualTo(1);
        assertThat(r.json().path("emails").get(0).path("value").asString()).isEqualTo("ann@acme.example");
        assertThat(r.json().has("userName")).isFalse();
    }

    @Test
    void aListingAppliesTheValueFilterToEveryResource() {
        createUser("bob@acme.example", "Bob");

        Http.Response r = scim.get("/Users?attributes=" + Scim.filter("userName,emails[type eq \"home\"].value"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("totalResults").asInt()).isEqualTo(2);
        for (JsonNode user : r.json().path("Resources")) {
            assertThat(user.path("emails").toString())
                    .isEqualTo("[{\"value\":\"home." + user.path("userName").asString() + "\"}]");
        }
    }

    @Test
    void excludedAttributesWithAValueFilterLeaveOutOnlyTheMatchingValues() {
        Http.Response r = scim.get("/Users/" + ann + "?excludedAttributes=" + Scim.filter("emails[type eq \"home\"]"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("userName").asString()).isEqualTo("ann@acme.example");
        assertThat(r.json().path("emails").size()).isEqualTo(1);
        assertThat(r.json().path("emails").get(0).path("type").asString()).isEqualTo("work");
    }

    @Test
    void anInvalidValueFilterIsInvalidFilterOnEveryReadEndpoint() {
        String group = scim.createGroup("Team");
        List<Http.Response> responses = new ArrayList<>();
        for (String parameter : new String[] {"attributes", "excludedAttributes"}) {
            String bad = "?" + parameter + "=" + Scim.filter("emails[type eqq \"work\"]");
            String badMembers = "?" + parameter + "=" + Scim.filter("members[value eq \"x\"");
            responses.add(scim.get("/Users/" + ann + bad));
            responses.add(scim.get("/Users" + bad));
            responses.add(scim.get("/Users" + bad + "&filter=" + Scim.filter("userName eq \"nobody\"")));
            responses.add(scim.get("/Groups/" + group + badMembers));
            responses.add(scim.get("/Groups" + badMembers));
        }

        for (Http.Response r : responses) {
            assertScimError(r, 400, "invalidFilter");
        }
    }

    @Test
    void aValueFilterOnMembersSelectsMembersOnTheStreamedAndTheListedPath() {
        String bob = createUser("bob@acme.example", "Bob");
        String group = scim.createGroup("Team");
        assertThat(patchGroup(group, op("add", "members", "[{\"value\":\"" + ann + "\"},{\"value\":\"" + bob + "\"}]"))
                .status()).isEqualTo(204);
        String onlyBob = Scim.filter("members[display eq \"Bob\"]");

        JsonNode streamed = scim.get("/Groups/" + group + "?attributes=" + onlyBob).json();
        JsonNode listed = scim.get("/Groups?attributes=" + onlyBob).json().path("Resources").get(0);
        JsonNode withoutBob = scim.get("/Groups/" + group + "?excludedAttributes=" + onlyBob).json();

        assertThat(streamed.path("members").size()).isEqualTo(1);
        assertThat(streamed.path("members").get(0).path("value").asString()).isEqualTo(bob);
        assertThat(streamed.has("displayName")).isFalse();
        assertThat(listed.path("members")).isEqualTo(streamed.path("members"));
        assertThat(withoutBob.path("members").size()).isEqualTo(1);
        assertThat(withoutBob.path("members").get(0).path("value").asString()).isEqualTo(ann);
        assertThat(withoutBob.path("displayName").asString()).isEqualTo("Team");
    }

    @Test
    void excludingOnlyTheDisplayOfAUsersGroupsStillListsTheGroups() {
        String group = scim.createGroup("Team");
        patchGroup(group, op("add", "members", "[{\"value\":\"" + ann + "\"}]"));

        JsonNode listed = scim.get("/Users?excludedAttributes=groups.display").json().path("Resources").get(0);

        assertThat(listed.path("groups").size()).isEqualTo(1);
        assertThat(listed.path("groups").get(0).path("value").asString()).isEqualTo(group);
        assertThat(listed.path("groups").get(0).has("display")).isFalse();
    }
}
