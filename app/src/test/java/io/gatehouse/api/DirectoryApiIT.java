package io.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.access.Spaces;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Scim;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/companies/{companyId}/users|groups|spaces}: what a product reads of a company it serves. */
class DirectoryApiIT extends IntegrationTest {

    @Autowired
    Spaces spaces;

    private ApiWorld world() {
        return new ApiWorld(http(), spaces);
    }

    /** Every id of a listing, following nextCursor to the end. */
    static List<String> listAll(ApiWorld w, String path, int limit) {
        List<String> ids = new ArrayList<>();
        String after = "";
        String glue = path.contains("?") ? "&" : "?";
        for (int pages = 0; pages < 1000; pages++) {
            Http.Response page = w.api(path + glue + "limit=" + limit + (after.isEmpty() ? "" : "&after=" + after));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().path("data").forEach(item -> ids.add(item.path("id").asString()));
            JsonNode next = page.json().path("nextCursor");
            if (next.isNull()) {
                return ids;
            }
            after = next.asString();
        }
        throw new AssertionError("no last page");
    }

    @Test
    void aUserShowsNamesEmailSourceGroupsAndPermissions() {
        ApiWorld w = world();
        String alice = w.user("alice");
        String sales = w.group("Sales", alice);
        assertThat(operator().call("PUT", "/companies/" + w.id + "/roles/users/" + alice + "/manage_users", null)
                .status()).isEqualTo(204);

        Http.Response r = w.api("/companies/" + w.id + "/users/" + alice);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode u = r.json();
        String userName = u.path("userName").asString();
        assertThat(userName).startsWith("alice-").endsWith("@contoso.test");
        assertThat(u.path("id").asString()).isEqualTo(alice);
        assertThat(u.path("email").asString()).isEqualTo(userName);
        assertThat(u.path("displayName").asString()).isEqualTo(userName.substring(0, userName.indexOf('@'))
                + " Example");
        assertThat(u.path("name").path("familyName").asString()).isEqualTo("Example");
        assertThat(u.path("name").path("givenName").asString()).isEqualTo(userName.substring(0, userName.indexOf('@')));
        assertThat(u.path("active").asBoolean()).isTrue();
        assertThat(u.path("externalId").asString()).isEqualTo(userName.substring(0, userName.indexOf('@')));
        assertThat(u.path("source").asString()).isEqualTo("scim");
        assertThat(u.path("groups")).hasSize(1);
        assertThat(u.path("groups").get(0).path("id").asString()).isEqualTo(sales);
        assertThat(u.path("groups").get(0).path("name").asString()).startsWith("Sales ");
        assertThat(u.path("permissions").toString()).isEqualTo("[\"MANAGE_USERS\"]");
        assertThat(u.path("createdAt").asString()).isNotBlank();
        assertThat(u.path("updatedAt").asString()).isNotBlank();
    }

    @Test
    void aDeactivatedUserIsListedInactiveWithoutPermissions() {
        ApiWorld w = world();
        String bob = w.user("bob");
        operator().call("PUT", "/companies/" + w.id + "/roles/users/" + bob + "/manage_users", null);

        w.deactivate(bob);

        JsonNode u = w.api("/companies/" + w.id + "/users/" + bob).json();
        assertThat(u.path("active").asBoolean()).isFalse();
        assertThat(u.path("permissions")).isEmpty();
    }

    @Test
    void usersArePagedInCreationOrderWithTheirGroups() {
        ApiWorld w = world();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(w.user("paged" + i));
        }
        String group = w.group("Paged", created.get(3));

        assertThat(listAll(w, "/companies/" + w.id + "/users", 2)).containsExactlyElementsOf(created);
        assertThat(listAll(w, "/companies/" + w.id + "/users", 5)).containsExactlyElementsOf(created);
        JsonNode page = w.api("/companies/" + w.id + "/users?limit=5").json();
        assertThat(page.path("nextCursor").isNull()).isTrue();
        assertThat(page.path("data").get(3).path("groups").get(0).path("id").asString()).isEqualTo(group);
        assertThat(page.path("data").get(2).path("groups")).isEmpty();
    }

    @Test
    void usersAreFoundByEmailCaseInsensitivelyAndByExternalId() {
        ApiWorld w = world();
        String carol = w.user("carol");
        w.user("dave");
        String userName = w.api("/companies/" + w.id + "/users/" + carol).json().path("userName").asString();
        String externalId = userName.substring(0, userName.indexOf('@'));

        JsonNode byEmail = w.api("/companies/" + w.id + "/users?email=" + Scim.filter(userName.toUpperCase())).json();
        JsonNode byExternalId = w.api("/companies/" + w.id + "/users?externalId=" + Scim.filter(externalId)).json();
        JsonNode nobody = w.api("/companies/" + w.id + "/users?email=nobody%40contoso.test").json();

        assertThat(byEmail.path("data")).extracting(u -> u.path("id").asString()).containsExactly(carol);
        assertThat(byExternalId.path("data")).extracting(u -> u.path("id").asString()).containsExactly(carol);
        assertThat(nobody.path("data")).isEmpty();
        assertThat(nobody.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void groupsAndTheirMembersArePagedInCreationOrder() {
        ApiWorld w = world();
        List<String> members = List.of(w.user("m0"), w.user("m1"), w.user("m2"));
        w.user("outsider");
        String first = w.group("First", members.toArray(String[]::new));
        String second = w.group("Second");

        assertThat(listAll(w, "/companies/" + w.id + "/groups", 1)).containsExactly(first, second);
        assertThat(listAll(w, "/companies/" + w.id + "/groups/" + first + "/members", 2))
                .containsExactlyElementsOf(members);
        assertThat(listAll(w, "/companies/" + w.id + "/groups/" + second + "/members", 2)).isEmpty();
        JsonNode group = w.api("/companies/" + w.id + "/groups/" + first).json();
        assertThat(group.path("id").asString()).isEqualTo(first);
        assertThat(group.path("displayName").asString()).startsWith("First ");
        assertThat(group.path("externalId").asString()).startsWith("first-");
        assertThat(group.path("source").asString()).isEqualTo("scim");
        JsonNode member = w.api("/companies/" + w.id + "/groups/" + first + "/members?limit=1").json()
                .path("data").get(0);
        assertThat(member.path("id").asString()).isEqualTo(members.get(0));
        assertThat(member.path("userName").asString()).startsWith("m0-");
        assertThat(member.path("active").asBoolean()).isTrue();
    }

    @Test
    void spacesAreListedInCreationOrderArchivedOnesIncluded() {
        ApiWorld w = world();
        String legal = w.space("Legal");
        String hr = w.space("HR");
        w.archive(hr);

        assertThat(listAll(w, "/companies/" + w.id + "/spaces", 1)).containsExactly(legal, hr);
        JsonNode shown = w.api("/companies/" + w.id + "/spaces/" + hr).json();
        assertThat(shown.path("name").asString()).startsWith("HR ");
        assertThat(shown.path("archived").asBoolean()).isTrue();
        assertThat(shown.path("archivedAt").asString()).isNotBlank();
        assertThat(w.api("/companies/" + w.id + "/spaces/" + legal).json().path("archived").asBoolean()).isFalse();
    }

    @Test
    void anIdOfAnotherKindIsNotFound() {
        ApiWorld w = world();
        String user = w.user("kind");
        String space = w.space("Kind");
        String base = "/companies/" + w.id;

        for (String path : List.of(base + "/users/" + space, base + "/groups/" + user, base + "/spaces/" + user,
                base + "/groups/" + user + "/members")) {
            Http.Response r = w.api(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        }
    }
}
