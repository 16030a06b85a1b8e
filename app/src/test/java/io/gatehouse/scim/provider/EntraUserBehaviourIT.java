package io.gatehouse.scim.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** User creation and matching queries as Microsoft Entra ID sends them. */
class EntraUserBehaviourIT extends ProviderFixture {

    @Test
    void createsUserFromEntrasTutorialBodyWithClientMetaAndEmptyRoles() {
        Http.Response r = scim.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
                 "userName":"Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee",
                 "active":true,
                 "emails":[{"primary":true,"type":"work","value":"Test_User_11bb11bb-cc22-dd33-ee44-55ff55ff55ff@testuser.com"}],
                 "meta":{"resourceType":"User"},
                 "name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},
                 "roles":[]}
                """);

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode body = r.json();
        assertThat(body.path("id").asString()).isNotBlank();
        assertThat(body.path("externalId").asString()).isEqualTo("0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef");
        assertThat(body.path("userName").asString()).isEqualTo("Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee");
        assertThat(body.path("name").path("formatted").asString()).isEqualTo("givenName familyName");
        assertThat(body.path("emails").get(0).path("primary").booleanValue()).isTrue();
        assertThat(body.path("meta").path("resourceType").asString()).isEqualTo("User");
        assertThat(body.path("meta").path("created").asString()).isNotBlank();
        assertThat(body.path("meta").path("lastModified").asString()).isNotBlank();
        assertThat(body.has("roles")).isFalse();
    }

    @Test
    void clientSentIdMetaGroupsPasswordNullsAndMalformedSchemaUrnAreIgnored() {
        String group = scim.createGroup("Sneaky Group");
        Http.Response r = scim.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0User"],
                 "id":"client-chosen-id",
                 "externalId":"jyoung","userName":"jyoung@testuser.com","active":true,"addresses":null,
                 "displayName":"Joy Young","password":"P@ssw0rd!",
                 "groups":[{"value":"%s"}],
                 "emails":[{"type":"work","value":"jyoung@Contoso.com","primary":true}],
                 "meta":{"resourceType":"User","created":"2001-01-01T00:00:00Z","version":"W/\\"99\\""},
                 "name":{"familyName":"Young","givenName":"Joy"},"phoneNumbers":null,"preferredLanguage":null,
                 "title":null,"department":null,"manager":null,"roles":[]}
                """.formatted(group));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String id = r.json().path("id").asString();
        assertThat(id).isNotEqualTo("client-chosen-id").hasSize(36);
        JsonNode user = user(id);
        assertThat(user.path("userName").asString()).isEqualTo("jyoung@testuser.com");
        assertThat(user.path("displayName").asString()).isEqualTo("Joy Young");
        assertThat(user.path("emails").get(0).path("value").asString()).isEqualTo("jyoung@Contoso.com");
        assertThat(user.path("meta").path("version").asString()).isEqualTo("W/\"1\"");
        assertThat(user.path("meta").path("created").asString()).doesNotStartWith("2001");
        assertThat(user.has("password")).isFalse();
        assertThat(user.has("title")).isFalse();
        assertThat(user.has("addresses")).isFalse();
        assertThat(user.has("phoneNumbers")).isFalse();
        assertThat(user.has("roles")).isFalse();
        assertThat(user.path("groups").size()).isZero();
        assertThat(user.path("schemas").toString()).doesNotContain("2.0User");
        assertThat(r.body()).doesNotContain("P@ssw0rd");
        assertThat(memberIds(group)).isEmpty();
        assertThat(scim.get("/Users/client-chosen-id").status()).isEqualTo(404);
    }

    @Test
    void clientSentIdGroupsAndPasswordAreIgnoredOnPatchToo() {
        String id = scim.createUser("ignore@acme.example");

        Http.Response r = patchUser(id,
                op("replace", null, "{\"id\":\"other\",\"meta\":{\"version\":\"W/\\\"9\\\"\"},\"title\":\"Lead\"}"),
                op("replace", "password", quoted("Secret123!")));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode user = user(id);
        assertThat(user.path("id").asString()).isEqualTo(id);
        assertThat(user.path("title").asString()).isEqualTo("Lead");
        assertThat(user.has("password")).isFalse();
        assertThat(user.path("meta").path("version").asString()).isEqualTo("W/\"2\"");
    }

    @Test
    void unquotedFilterValueMatchesLikeAQuotedOne() {
        scim.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"externalId":"jyoung",
                 "userName":"jyoung@testuser.com"}
                """);

        Http.Response byExternalId = listUsers("externalId eq jyoung");
        Http.Response byUserName = listUsers("userName eq jyoung@testuser.com");

        assertThat(byExternalId.status()).as(byExternalId.toString()).isEqualTo(200);
        assertThat(byExternalId.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(byExternalId.json().path("Resources").get(0).path("userName").asString())
                .isEqualTo("jyoung@testuser.com");
        assertThat(byUserName.json().path("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void filterWithoutMatchIs200WithAnEmptyListResponse() {
        scim.createUser("someone@acme.example");

        Http.Response r = listUsers("userName eq \"non-existent user\"");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/scim+json");
        assertThat(r.json().path("schemas").get(0).asString())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        assertThat(r.json().path("totalResults").asInt()).isZero();
        assertThat(r.json().path("Resources").isArray()).isTrue();
        assertThat(r.json().path("Resources").size()).isZero();
        assertThat(r.json().path("startIndex").asInt()).isEqualTo(1);
    }

    @Test
    void userNameFilterMatchesRegardlessOfCase() {
        String id = scim.createUser("ford_purdy@acme.example");

        Http.Response r = listUsers("userName eq \"FORD_PURDY@ACME.EXAMPLE\"");

        assertThat(r.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(r.json().path("Resources").get(0).path("id").asString()).isEqualTo(id);
    }

    @Test
    void disabledUserIsStillReturnedByGetAndByFilter() {
        String id = scim.createUser("soft@acme.example");
        patchUser(id, op("Replace", "active", quoted("False")));

        Http.Response r = listUsers("userName eq \"soft@acme.example\"");

        assertThat(user(id).path("active").booleanValue()).isFalse();
        assertThat(r.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(r.json().path("Resources").get(0).path("active").booleanValue()).isFalse();
    }

    @Test
    void workEmailMatchesAValueFilterOnTypeAndValue() {
        String id = scim.createUser("mail.match@acme.example");

        Http.Response r = listUsers("emails[type eq \"work\" and value eq \"MAIL.MATCH@acme.example\"]");

        assertThat(r.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(r.json().path("Resources").get(0).path("id").asString()).isEqualTo(id);
    }

    /** Entra's tutorial: a matching attribute must be filterable as {@code emails[type eq "work"].value eq "x"}. */
    @Test
    void workEmailMatchesEntrasValuePathWithSubAttributeFilter() {
        String id = scim.createUser("mail.match@acme.example");

        Http.Response r = listUsers("emails[type eq \"work\"].value eq \"mail.match@acme.example\"");

        assertThat(r.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(r.json().path("Resources").get(0).path("id").asString()).isEqualTo(id);
    }
}
