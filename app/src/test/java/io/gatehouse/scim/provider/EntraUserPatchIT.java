package io.gatehouse.scim.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** User PATCH requests exactly as Microsoft Entra ID sends them (with and without the aadOptscim062020 flag). */
class EntraUserPatchIT extends ProviderFixture {

    @Test
    void userPatchIsAnswered200WithTheWholeUpdatedUser() {
        String id = scim.createUser("patched@acme.example");

        Http.Response r = patchUser(id, op("Replace", "userName", quoted("renamed@acme.example")));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/scim+json");
        assertThat(r.json().path("id").asString()).isEqualTo(id);
        assertThat(r.json().path("userName").asString()).isEqualTo("renamed@acme.example");
        assertThat(r.json().path("emails").get(0).path("value").asString()).isEqualTo("patched@acme.example");
        assertThat(r.json().path("meta").path("resourceType").asString()).isEqualTo("User");
        assertThat(r.header("ETag")).isEqualTo("W/\"2\"");
    }

    @Test
    void emailsStayFilterableAfterAPatchThatLeavesThemAndMoveWithAPatchThatChangesThem() {
        String id = scim.createUser("values@acme.example");

        assertThat(patchUser(id, op("Replace", "active", "false")).status()).isEqualTo(200);
        assertThat(patchUser(id, op("Replace", "displayName", quoted("Valerie"))).status()).isEqualTo(200);
        assertThat(listUsers("emails.value eq \"values@acme.example\"").json().path("totalResults").asInt())
                .isEqualTo(1);

        assertThat(patchUser(id, op("Replace", "emails[type eq \"work\"].value", quoted("moved@acme.example")))
                .status()).isEqualTo(200);
        assertThat(listUsers("emails.value eq \"values@acme.example\"").json().path("totalResults").asInt())
                .isZero();
        assertThat(listUsers("emails.value eq \"moved@acme.example\"").json().path("totalResults").asInt())
                .isEqualTo(1);
    }

    @Test
    void opNamesAreAcceptedInAnyLetterCase() {
        String id = scim.createUser("cases@acme.example");

        Http.Response r = patchUser(id,
                op("Add", "nickName", quoted("Babs")),
                op("Replace", "title", quoted("Engineer")),
                op("REPLACE", "displayName", quoted("Barbara")),
                op("Remove", ENTERPRISE + ":department", null),
                op("rEmOvE", "name.formatted", null));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode user = user(id);
        assertThat(user.path("nickName").asString()).isEqualTo("Babs");
        assertThat(user.path("title").asString()).isEqualTo("Engineer");
        assertThat(user.path("displayName").asString()).isEqualTo("Barbara");
        assertThat(user.has(ENTERPRISE)).isFalse();
        assertThat(user.path("name").has("formatted")).isFalse();
        assertThat(user.path("name").path("givenName").asString()).isEqualTo("cases");
    }

    @Test
    void activeSentAsStringTrueOrFalseInAnyCaseIsStoredAsRealBoolean() {
        String id = scim.createUser("switch@acme.example");

        assertThat(patchUser(id, op("Replace", "active", quoted("False"))).status()).isEqualTo(200);
        JsonNode disabled = user(id);
        assertThat(disabled.path("active").isBoolean()).isTrue();
        assertThat(disabled.path("active").booleanValue()).isFalse();
        assertThat(listUsers("active eq false").json().path("totalResults").asInt()).isEqualTo(1);

        assertThat(patchUser(id, op("Replace", "active", quoted("TRUE"))).status()).isEqualTo(200);
        assertThat(user(id).path("active").isBoolean()).isTrue();
        assertThat(user(id).path("active").booleanValue()).isTrue();

        assertThat(patchUser(id, op("replace", null, "{\"active\":\"false\"}")).status()).isEqualTo(200);
        assertThat(user(id).path("active").booleanValue()).isFalse();
        assertThat(user(id).path("active").isBoolean()).isTrue();
    }

    @Test
    void activeAndPrimaryAsStringsInACreateBodyAreStoredAsBooleans() {
        Http.Response r = scim.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"strings@acme.example",
                 "active":"True",
                 "emails":[{"type":"work","value":"strings@acme.example","primary":"true"}],
                 "roles":[{"primary":"True","display":"Admin","value":"admin","type":"WindowsAzureActiveDirectoryRole"}]}
                """);

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode user = user(r.json().path("id").asString());
        assertThat(user.path("active").isBoolean()).isTrue();
        assertThat(user.path("active").booleanValue()).isTrue();
        assertThat(user.path("emails").get(0).path("primary").isBoolean()).isTrue();
        assertThat(user.path("emails").get(0).path("primary").booleanValue()).isTrue();
        assertThat(user.path("roles").get(0).path("primary").isBoolean()).isTrue();
        assertThat(user.path("roles").get(0).path("primary").booleanValue()).isTrue();
    }

    @Test
    void primaryPatchedAsStringFalseOnAValuePathIsStoredAsBoolean() {
        String id = scim.createUser("primary@acme.example");

        Http.Response r = patchUser(id, op("Replace", "emails[type eq \"work\"].primary", quoted("False")));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode email = user(id).path("emails").get(0);
        assertThat(email.path("primary").isBoolean()).isTrue();
        assertThat(email.path("primary").booleanValue()).isFalse();
    }

    @Test
    void pathlessReplaceAcceptsPlainDottedAndUrnKeys() {
        String id = scim.createUser("flagged@acme.example");

        Http.Response r = patchUser(id, op("replace", null, """
                {"displayName":"Bjfe","name.givenName":"Kkom","name.familyName":"Unua",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"Aklq",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department":"Research",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager":"mgr-1"}
                """));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode user = user(id);
        assertThat(user.path("displayName").asString()).isEqualTo("Bjfe");
        assertThat(user.path("name").path("givenName").asString()).isEqualTo("Kkom");
        assertThat(user.path("name").path("familyName").asString()).isEqualTo("Unua");
        assertThat(user.path("name").path("formatted").asString()).isEqualTo("flagged Example");
        assertThat(user.path(ENTERPRISE).path("employeeNumber").asString()).isEqualTo("Aklq");
        assertThat(user.path(ENTERPRISE).path("department").asString()).isEqualTo("Research");
        assertThat(user.path(ENTERPRISE).path("manager").path("value").asString()).isEqualTo("mgr-1");
        assertThat(listUsers(ENTERPRISE + ":department eq \"Research\"").json().path("totalResults").asInt())
                .isEqualTo(1);
    }

    @Test
    void pathlessAddWithUserNameRenamesTheUser() {
        String id = scim.createUser("emilio@acme.example");

        Http.Response r = patchUser(id, op("Add", null, "{\"userName\":\"emilio@hermann.uk\"}"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(user(id).path("userName").asString()).isEqualTo("emilio@hermann.uk");
        assertThat(listUsers("userName eq \"emilio@hermann.uk\"").json().path("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void replaceOnWorkEmailValuePathUpdatesTheValueInPlace() {
        String id = scim.createUser("inplace@acme.example");

        Http.Response r = patchUser(id,
                op("Replace", "emails[type eq \"work\"].value", quoted("updatedEmail@microsoft.com")),
                op("Replace", "name.familyName", quoted("updatedFamilyName")));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode emails = user(id).path("emails");
        assertThat(emails.size()).isEqualTo(1);
        assertThat(emails.get(0).path("value").asString()).isEqualTo("updatedEmail@microsoft.com");
        assertThat(emails.get(0).path("type").asString()).isEqualTo("work");
        assertThat(emails.get(0).path("primary").booleanValue()).isTrue();
        assertThat(user(id).path("name").path("familyName").asString()).isEqualTo("updatedFamilyName");
    }

    @Test
    void addOnAValuePathThatMatchesNothingCreatesTheElement() {
        String id = scim.createUser("novalue@acme.example");

        Http.Response r = patchUser(id,
                op("Add", "phoneNumbers[type eq \"mobile\"].value", quoted("+1 555 0100")),
                op("Replace", "emails[type eq \"other\"].value", quoted("other@acme.example")),
                op("Add", "addresses[type eq \"work\"].locality", quoted("Redmond")));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode user = user(id);
        assertThat(user.path("phoneNumbers").size()).isEqualTo(1);
        assertThat(user.path("phoneNumbers").get(0).path("type").asString()).isEqualTo("mobile");
        assertThat(user.path("phoneNumbers").get(0).path("value").asString()).isEqualTo("+1 555 0100");
        assertThat(user.path("emails").size()).isEqualTo(2);
        assertThat(user.path("emails").get(1).path("type").asString()).isEqualTo("other");
        assertThat(user.path("emails").get(1).path("value").asString()).isEqualTo("other@acme.example");
        assertThat(user.path("addresses").get(0).path("locality").asString()).isEqualTo("Redmond");
        assertThat(listUsers("phoneNumbers[type eq \"mobile\" and value eq \"+1 555 0100\"]")
                .json().path("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void addOnAWorkEmailValuePathCreatesTheWorkEmailWhenTheUserHasNone() {
        Http.Response created = scim.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bare@acme.example"}
                """);
        String id = created.json().path("id").asString();

        Http.Response r = patchUser(id, op("Add", "emails[type eq \"work\"].value", quoted("bare@acme.example")));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode emails = user(id).path("emails");
        assertThat(emails.size()).isEqualTo(1);
        assertThat(emails.get(0).path("type").asString()).isEqualTo("work");
        assertThat(emails.get(0).path("value").asString()).isEqualTo("bare@acme.example");
        assertThat(listUsers("emails[type eq \"work\" and value eq \"bare@acme.example\"]")
                .json().path("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void rolesAddedAsAJsonStringInsideValueAreStoredAsRoles() {
        String id = scim.createUser("roles@acme.example");

        Http.Response r = patchUser(id, op("Add", "roles",
                "[{\"value\":" + quoted("{\"id\":\"06b07648-ecfe-589f-9d2f-6325724a46ee\",\"value\":\"25\","
                        + "\"displayName\":\"Role1234\"}") + "}]"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode roles = user(id).path("roles");
        assertThat(roles.size()).isEqualTo(1);
        assertThat(roles.get(0).path("value").asString()).contains("Role1234").contains("06b07648");
    }

    @Test
    void rolesSentAsAJsonEncodedArrayStringAreStoredAsSeparateRoles() {
        String id = scim.createUser("roles2@acme.example");

        Http.Response r = patchUser(id, op("replace", "roles", quoted(
                "[{\"primary\":false,\"type\":\"WindowsAzureActiveDirectoryRole\",\"display\":\"User\",\"value\":\"User\"},"
                        + "{\"primary\":\"True\",\"type\":\"WindowsAzureActiveDirectoryRole\",\"display\":\"Admin\",\"value\":\"Admin\"}]")));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode roles = user(id).path("roles");
        assertThat(roles.size()).isEqualTo(2);
        assertThat(roles.get(0).path("value").asString()).isEqualTo("User");
        assertThat(roles.get(1).path("value").asString()).isEqualTo("Admin");
        assertThat(roles.get(1).path("primary").booleanValue()).isTrue();
        assertThat(listUsers("roles[primary eq true and value eq \"Admin\"]").json().path("totalResults").asInt())
                .isEqualTo(1);
    }

    @Test
    void replaceWithEmptyStringOrNullClearsAnOptionalAttribute() {
        String id = scim.createUser("nulls@acme.example");
        patchUser(id, op("Replace", "title", quoted("Boss")), op("Replace", "nickName", quoted("B")));

        Http.Response r = patchUser(id, op("Replace", "title", quoted("")), op("Replace", "nickName", "null"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode user = user(id);
        assertThat(user.path("title").asString("")).isEmpty();
        assertThat(user.has("nickName")).isFalse();
    }

    @Test
    void addOnRolesPrimaryTrueValuePathCreatesAPrimaryRole() {
        String id = scim.createUser("approle@acme.example");

        Http.Response r = patchUser(id,
                op("Add", "roles[primary eq \"True\"].value", quoted("Admin")),
                op("Add", "roles[primary eq \"True\"].display", quoted("Administrator")));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode roles = user(id).path("roles");
        assertThat(roles.size()).isEqualTo(1);
        assertThat(roles.get(0).path("primary").isBoolean()).isTrue();
        assertThat(roles.get(0).path("primary").booleanValue()).isTrue();
        assertThat(roles.get(0).path("value").asString()).isEqualTo("Admin");
        assertThat(roles.get(0).path("display").asString()).isEqualTo("Administrator");
    }

    @Test
    void capitalisedSubAttributeNamesFromEntrasMappingTableAreAccepted() {
        String id = scim.createUser("capital@acme.example");

        Http.Response r = patchUser(id,
                op("Add", "emails[type eq \"other\"].Value", quoted("proxy@acme.example")),
                op("Replace", "Name.GivenName", quoted("Cap")),
                op("Replace", "emails[Type eq \"Work\"].value", quoted("capital2@acme.example")));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode user = user(id);
        assertThat(user.path("name").path("givenName").asString()).isEqualTo("Cap");
        assertThat(user.path("emails").size()).isEqualTo(2);
        assertThat(user.path("emails").get(0).path("value").asString()).isEqualTo("capital2@acme.example");
        assertThat(user.path("emails").get(1).path("value").asString()).isEqualTo("proxy@acme.example");
        assertThat(user.path("emails").get(1).path("type").asString()).isEqualTo("other");
    }

    @Test
    void pathlessReplaceWithAWholeExtensionObjectMergesIntoTheExtension() {
        String id = scim.createUser("extobj@acme.example");

        Http.Response r = patchUser(id, op("Replace", null,
                "{\"" + ENTERPRISE + "\":{\"costCenter\":\"CC-7\"},\"nickName\":\"Ext\"}"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode user = user(id);
        assertThat(user.path(ENTERPRISE).path("costCenter").asString()).isEqualTo("CC-7");
        assertThat(user.path(ENTERPRISE).path("department").asString()).isEqualTo("Sales");
        assertThat(user.path("nickName").asString()).isEqualTo("Ext");
    }

    @Test
    void renamingAUserToADifferentCaseOfItsOwnUserNameSucceeds() {
        String id = scim.createUser("mixed@acme.example");

        Http.Response r = patchUser(id, op("Replace", "userName", quoted("Mixed@Acme.example")));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(user(id).path("userName").asString()).isEqualTo("Mixed@Acme.example");
    }
}
