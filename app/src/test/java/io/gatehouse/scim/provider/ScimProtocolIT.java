package io.gatehouse.scim.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.EntraBodies;
import io.gatehouse.support.Http;
import io.gatehouse.support.Scim;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Transport-level rules: paths, media types, body limits and malformed requests. */
class ScimProtocolIT extends ProviderFixture {

    @Test
    void scimAliasServesTheSameResourcesAsScimV2() {
        Scim alias = new Scim(http(), company.scimToken(), "/scim");

        Http.Response created = alias.post("/Users", EntraBodies.user("alias@acme.example"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();

        assertThat(user(id).path("userName").asString()).isEqualTo("alias@acme.example");
        Http.Response patched = alias.patch("/Users/" + id, patch(op("Replace", "title", quoted("Via Alias"))));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(alias.get("/Users/" + id).json().path("title").asString()).isEqualTo("Via Alias");
        assertThat(alias.get("/Users?filter=" + Scim.filter("userName eq \"alias@acme.example\""))
                .json().path("totalResults").asInt()).isEqualTo(1);
        String group = alias.createGroup("Alias Group");
        assertThat(alias.patch("/Groups/" + group, patch(op("Add", "members", "[{\"value\":\"" + id + "\"}]")))
                .status()).isEqualTo(204);
        assertThat(memberIds(group)).containsExactly(id);
        assertThat(alias.delete("/Users/" + id).status()).isEqualTo(204);
        assertScimError(scim.get("/Users/" + id), 404, null);
    }

    @Test
    void everyResponseIsScimJsonIncludingErrorsAndUnknownEndpoints() {
        String id = scim.createUser("types@acme.example");

        Http.Response[] responses = {
                scim.get("/Users/" + id),
                scim.get("/Users"),
                scim.post("/Users", EntraBodies.user("types@acme.example")), // 409
                scim.get("/Users/" + UUID.randomUUID()), // 404
                scim.get("/Users?filter=" + Scim.filter("nosuch eq 1")), // 400
                scim.get("/NoSuchEndpoint"),
                scim.get("/v2/Users"),
                scim.send("PUT", "/Schemas", "{}", Map.of()),
                http().get("/scim/v2/Users", "not-a-token"),
        };

        for (Http.Response r : responses) {
            assertThat(r.header("Content-Type")).as("Content-Type of %s", r).startsWith("application/scim+json");
        }
        assertScimError(scim.get("/NoSuchEndpoint"), 404, null);
        assertScimError(scim.get("/Users/" + id + "/extra"), 404, null);
    }

    @Test
    void requestBodiesSentAsApplicationJsonAreAccepted() {
        Http.Response created = scim.send("POST", "/Users", EntraBodies.user("json@acme.example"),
                Map.of("Content-Type", "application/json"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();

        Http.Response patched = scim.send("PATCH", "/Users/" + id, patch(op("replace", "title", quoted("Plain JSON"))),
                Map.of("Content-Type", "application/json; charset=utf-8"));
        Http.Response put = scim.send("PUT", "/Users/" + id, EntraBodies.user("json@acme.example"),
                Map.of("Content-Type", "application/scim+json; charset=utf-8"));

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path("title").asString()).isEqualTo("Plain JSON");
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(created.header("Content-Type")).startsWith("application/scim+json");
    }

    @Test
    void unknownQueryParametersAreIgnored() {
        Http.Response created = scim.post("/Users?aadOptscim062020", EntraBodies.user("flag@acme.example"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();

        Http.Response byId = scim.get("/Users/" + id + "?aadOptscim062020&foo=bar");
        Http.Response list = scim.get("/Users?aadOptscim062020=&filter="
                + Scim.filter("userName eq \"flag@acme.example\"") + "&unknown=1");
        Http.Response patched = scim.patch("/Users/" + id + "?aadOptscim062020",
                patch(op("replace", "active", "false")));

        assertThat(byId.status()).isEqualTo(200);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(patched.status()).isEqualTo(200);
        assertThat(user(id).path("active").booleanValue()).isFalse();
    }

    @Test
    void bodyOverOneMebibyteIs413WithScimErrorAndNothingIsCreated() {
        String padding = "x".repeat(1024 * 1024);
        String body = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"huge@acme.example\",\"displayName\":\"" + padding + "\"}";

        Http.Response r = scim.post("/Users", body);

        assertScimError(r, 413, null);
        assertThat(r.json().path("detail").asString()).contains("1048576");
        assertThat(listUsers("userName eq \"huge@acme.example\"").json().path("totalResults").asInt()).isZero();
    }

    @Test
    void bodyJustUnderTheLimitIsAccepted() {
        String padding = "x".repeat(1024 * 1024 - 200);
        String body = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"big@acme.example\",\"unknownPadding\":\"" + padding + "\"}";

        Http.Response r = scim.post("/Users", body);

        assertThat(r.status()).as("status").isEqualTo(201);
        assertThat(user(r.json().path("id").asString()).path("userName").asString()).isEqualTo("big@acme.example");
    }

    @Test
    void valueLongerThanTheServiceStoresIs400InvalidValueNotAServerError() {
        String id = scim.createUser("long@acme.example");
        String tooLong = "y".repeat(600);

        Http.Response created = scim.post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"longer@acme.example\",\"displayName\":\"" + tooLong + "\"}");
        Http.Response patched = patchUser(id, op("replace", "title", quoted(tooLong)));
        Http.Response group = scim.post("/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"" + tooLong + "\"}");

        assertScimError(created, 400, "invalidValue");
        assertScimError(patched, 400, "invalidValue");
        assertScimError(group, 400, "invalidValue");
        assertThat(listUsers("userName eq \"longer@acme.example\"").json().path("totalResults").asInt()).isZero();
        assertThat(user(id).has("title")).isFalse();
    }

    @Test
    void invalidJsonIs400InvalidSyntax() {
        String id = scim.createUser("broken@acme.example");

        assertScimError(scim.post("/Users", "{\"userName\": \"x\""), 400, "invalidSyntax");
        assertScimError(scim.patch("/Users/" + id, "{not json"), 400, "invalidSyntax");
        assertScimError(scim.put("/Users/" + id, "[]"), 400, "invalidSyntax");
        assertScimError(scim.post("/Groups", ""), 400, "invalidSyntax");
        assertThat(user(id).path("userName").asString()).isEqualTo("broken@acme.example");
    }

    @Test
    void patchWithoutPatchOpSchemaOrWithAnUnknownOpIs400InvalidSyntax() {
        String id = scim.createUser("envelope@acme.example");

        assertScimError(scim.patch("/Users/" + id, "{\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]}"),
                400, "invalidSyntax");
        assertScimError(patchUser(id, op("copy", "title", quoted("x"))), 400, "invalidSyntax");
        assertScimError(scim.patch("/Users/" + id, patch()), 400, "invalidSyntax");
        assertThat(user(id).has("title")).isFalse();
    }

    @Test
    void operationsBeforeSchemasAndLowerCaseOperationsKeyAreAccepted() {
        String id = scim.createUser("order@acme.example");

        Http.Response r = scim.patch("/Users/" + id, "{\"operations\":[{\"op\":\"Replace\",\"path\":\"active\","
                + "\"value\":false}],\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]}");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(user(id).path("active").booleanValue()).isFalse();
    }
}
