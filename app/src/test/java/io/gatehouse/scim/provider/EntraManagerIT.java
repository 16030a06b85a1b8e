package io.gatehouse.scim.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.Scim;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The enterprise manager in every shape Entra and its validator send it, and the reference-check query. */
class EntraManagerIT extends ProviderFixture {

    private static final String MANAGER = ENTERPRISE + ":manager";

    private String employee;
    private String boss;

    @BeforeEach
    void users() {
        employee = scim.createUser("employee@acme.example");
        boss = scim.createUser("boss@acme.example");
    }

    private String managerOf(String id) {
        return user(id).path(ENTERPRISE).path("manager").path("value").asString(null);
    }

    @Test
    void managerAsAnObjectWithValueIsStored() {
        Http.Response r = patchUser(employee, op("add", MANAGER, "{\"value\":\"" + boss + "\"}"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path(ENTERPRISE).path("manager").path("value").asString()).isEqualTo(boss);
        assertThat(managerOf(employee)).isEqualTo(boss);
        assertThat(listUsers("manager.value eq \"" + boss + "\"").json().path("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void managerAsABareIdStringIsStored() {
        Http.Response r = patchUser(employee, op("Replace", MANAGER, quoted(boss)));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(managerOf(employee)).isEqualTo(boss);
    }

    @Test
    void managerAsTheLegacyArrayWithRefUnderThePlainPathIsStored() {
        Http.Response r = patchUser(employee, op("Add", "manager",
                "[{\"$ref\":\"https://gatehouse.test/scim/v2/Users/" + boss + "\",\"value\":\"" + boss + "\"}]"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(managerOf(employee)).isEqualTo(boss);
    }

    @Test
    void managerIsClearedByAnEmptyString() {
        patchUser(employee, op("add", MANAGER, "{\"value\":\"" + boss + "\"}"));

        Http.Response r = patchUser(employee, op("replace", MANAGER, quoted("")));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(user(employee).path(ENTERPRISE).has("manager")).isFalse();
        assertThat(listUsers("manager.value eq \"" + boss + "\"").json().path("totalResults").asInt()).isZero();
    }

    @Test
    void managerIsClearedByAnObjectWithEmptyValue() {
        patchUser(employee, op("add", MANAGER, quoted(boss)));

        Http.Response r = patchUser(employee, op("replace", MANAGER, "{\"value\":\"\"}"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(user(employee).path(ENTERPRISE).has("manager")).isFalse();
    }

    @Test
    void managerIsClearedByRemoveWithoutValue() {
        patchUser(employee, op("add", MANAGER, quoted(boss)));

        Http.Response r = patchUser(employee, op("Remove", MANAGER, null));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(user(employee).path(ENTERPRISE).has("manager")).isFalse();
    }

    @Test
    void unknownManagerIdIsAcceptedOnPatchAndCreate() {
        Http.Response patched = patchUser(employee, op("add", MANAGER, "{\"value\":\"AXTKDLNRKMKT\"}"));
        Http.Response created = scim.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "userName":"validator@acme.example",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
                    {"department":"QA","manager":{"value":"XYMKVVRYDIOO"}}}
                """);

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(managerOf(employee)).isEqualTo("AXTKDLNRKMKT");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(managerOf(created.json().path("id").asString())).isEqualTo("XYMKVVRYDIOO");
    }

    @Test
    void referenceCheckByIdAndManagerValueReturnsOnlyTheIdWhenTheManagerMatches() {
        patchUser(employee, op("add", MANAGER, quoted(boss)));

        Http.Response match = scim.get("/Users?filter="
                + Scim.filter("id eq " + employee + " and manager.value eq " + boss) + "&attributes=id");
        Http.Response reversed = listUsers("manager.value eq \"" + boss + "\" and id eq \"" + employee + "\"");
        Http.Response otherManager = listUsers("id eq " + employee + " and manager.value eq " + employee);

        assertThat(match.status()).as(match.toString()).isEqualTo(200);
        assertThat(match.json().path("totalResults").asInt()).isEqualTo(1);
        JsonNode only = match.json().path("Resources").get(0);
        assertThat(only.path("id").asString()).isEqualTo(employee);
        assertThat(only.has("userName")).isFalse();
        assertThat(only.has("emails")).isFalse();
        assertThat(reversed.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(otherManager.json().path("totalResults").asInt()).isZero();
    }

    /** The literal request of Entra's reference check (T-aad17): {@code manager eq <id>}, values unquoted. */
    @Test
    void referenceCheckWithEntrasLiteralManagerEqFilterMatches() {
        patchUser(employee, op("add", MANAGER, quoted(boss)));

        Http.Response match = scim.get("/Users?filter="
                + Scim.filter("id eq " + employee + " and manager eq " + boss) + "&attributes=id");

        assertThat(match.status()).as(match.toString()).isEqualTo(200);
        assertThat(match.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(match.json().path("Resources").get(0).path("id").asString()).isEqualTo(employee);
    }
}
