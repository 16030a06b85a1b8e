package io.gatehouse.scim.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.EntraBodies;
import io.gatehouse.support.Http;
import io.gatehouse.support.Scim;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A trailing slash on a SCIM path is the same endpoint (docs/scim.md, "Leniencies"): clients that join the
 * tenant URL and a path send {@code /Users/}, and Spring Framework 7 no longer matches it by itself.
 */
class TrailingSlashIT extends ProviderFixture {

    @Test
    void aTrailingSlashOnTheUsersCollectionListsAndFiltersAsWithout() {
        scim.createUser("slash@acme.example");

        Http.Response filtered = scim.get("/Users/?filter=" + Scim.filter("userName eq \"slash@acme.example\""));
        Http.Response all = scim.get("/Users/");

        assertThat(filtered.status()).as(filtered.toString()).isEqualTo(200);
        assertThat(filtered.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(filtered.json().path("Resources").get(0).path("userName").asString())
                .isEqualTo("slash@acme.example");
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(all.json().path("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void aTrailingSlashOnACollectionCreatesTheResource() {
        Http.Response user = scim.post("/Users/", EntraBodies.user("created@acme.example"));
        Http.Response group = scim.post("/Groups/", EntraBodies.group("Created"));

        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        assertThat(group(group.json().path("id").asString()).path("displayName").asString()).isEqualTo("Created");
    }

    @Test
    void aTrailingSlashOnAUserIsThatUserForEveryMethod() {
        String id = scim.createUser("one@acme.example");

        Http.Response read = scim.get("/Users/" + id + "/");
        Http.Response patched = scim.patch("/Users/" + id + "/", patch(op("replace", "title", quoted("Slashed"))));
        Http.Response replaced = scim.put("/Users/" + id + "/", EntraBodies.user("one@acme.example"));
        Http.Response deleted = scim.delete("/Users/" + id + "/");

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().path("id").asString()).isEqualTo(id);
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path("title").asString()).isEqualTo("Slashed");
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertScimError(scim.get("/Users/" + id), 404, null);
    }

    @Test
    void aTrailingSlashOnAGroupIsThatGroupForEveryMethod() {
        String user = scim.createUser("member@acme.example");
        String id = scim.createGroup("Team");

        Http.Response patched = scim.patch("/Groups/" + id + "/",
                patch(op("add", "members", "[{\"value\":\"" + user + "\"}]")));
        Http.Response read = scim.get("/Groups/" + id + "/");
        Http.Response replaced = scim.put("/Groups/" + id + "/", EntraBodies.group("Team Renamed"));
        Http.Response deleted = scim.delete("/Groups/" + id + "/");

        assertThat(patched.status()).as(patched.toString()).isEqualTo(204);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().path("members").get(0).path("value").asString()).isEqualTo(user);
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().path("displayName").asString()).isEqualTo("Team Renamed");
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertScimError(scim.get("/Groups/" + id), 404, null);
    }

    @Test
    void aTrailingSlashWorksOnTheScimAliasAndTheDiscoveryEndpoints() {
        Scim alias = new Scim(http(), company.scimToken(), "/scim");
        String id = alias.post("/Users/", EntraBodies.user("alias@acme.example")).json().path("id").asString();

        assertThat(alias.get("/Users/" + id + "/").json().path("userName").asString()).isEqualTo("alias@acme.example");
        for (String path : new String[] {"/ServiceProviderConfig/", "/ResourceTypes/", "/ResourceTypes/User/",
                "/Schemas/", "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User/"}) {
            Http.Response v2 = scim.get(path);
            Http.Response viaAlias = alias.get(path);
            assertThat(v2.status()).as(path + ": " + v2).isEqualTo(200);
            assertThat(viaAlias.status()).as(path + " via /scim: " + viaAlias).isEqualTo(200);
            assertThat(v2.json()).isEqualTo(scim.get(path.substring(0, path.length() - 1)).json());
        }
    }

    @Test
    void aTrailingSlashChangesNothingForUnknownPathsAndUnsupportedMethods() {
        assertScimError(scim.get("/NoSuchEndpoint/"), 404, null);
        assertScimError(scim.send("DELETE", "/Users/", null, Map.of()), 405, null);
        assertScimError(scim.send("POST", "/Users/" + scim.createUser("x@acme.example") + "/", "{}",
                Map.of()), 405, null);
    }

    @Test
    void theProvisioningLogShowsThePathAsTheClientSentIt() {
        scim.get("/Users/?filter=" + Scim.filter("userName eq \"logged@acme.example\""));

        JsonNode entry = ProvisioningLogs.await(operator(), company.id(), 1, 1).get(0);
        assertThat(entry.path("path").asString()).startsWith("/scim/v2/Users/?filter=");
        assertThat(entry.path("status").asInt()).isEqualTo(200);
        assertThat(entry.path("resourceType").asString()).isEqualTo("User");
    }
}
