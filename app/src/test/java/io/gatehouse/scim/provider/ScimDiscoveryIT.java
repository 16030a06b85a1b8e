package io.gatehouse.scim.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.Scim;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Discovery (RFC 7644 section 4): what Entra reads when the provisioning configuration is saved. */
class ScimDiscoveryIT extends ProviderFixture {

    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

    @Test
    void serviceProviderConfigAdvertisesPatchFilterSortEtagAndBothPaginationMethods() {
        Http.Response r = scim.get("/ServiceProviderConfig");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/scim+json");
        JsonNode c = r.json();
        assertThat(c.path("schemas").get(0).asString())
                .isEqualTo("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        assertThat(c.path("patch").path("supported").booleanValue()).isTrue();
        assertThat(c.path("filter").path("supported").booleanValue()).isTrue();
        assertThat(c.path("filter").path("maxResults").asInt()).isPositive();
        assertThat(c.path("sort").path("supported").booleanValue()).isTrue();
        assertThat(c.path("etag").path("supported").booleanValue()).isTrue();
        assertThat(c.path("bulk").path("supported").booleanValue()).isFalse();
        assertThat(c.path("changePassword").path("supported").booleanValue()).isFalse();
        assertThat(c.path("bulk").path("maxPayloadSize").asInt()).isEqualTo(1024 * 1024);
        assertThat(c.path("pagination").path("cursor").booleanValue()).isTrue();
        assertThat(c.path("pagination").path("index").booleanValue()).isTrue();
        assertThat(c.path("pagination").path("defaultPaginationMethod").asString()).isEqualTo("index");
        assertThat(c.path("pagination").path("maxPageSize").asInt()).isEqualTo(c.path("filter").path("maxResults").asInt());
        assertThat(c.path("pagination").path("cursorTimeout").asInt()).isPositive();
        assertThat(c.path("authenticationSchemes").get(0).path("type").asString()).isEqualTo("oauthbearertoken");
        assertThat(c.path("meta").path("location").asString())
                .isEqualTo("https://gatehouse.test/scim/v2/ServiceProviderConfig");
    }

    @Test
    void schemasListsCoreUserEnterpriseUserAndGroupAsAListResponse() {
        Http.Response r = scim.get("/Schemas");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("schemas").get(0).asString())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        assertThat(r.json().path("totalResults").asInt()).isEqualTo(3);
        List<String> ids = new ArrayList<>();
        r.json().path("Resources").forEach(s -> ids.add(s.path("id").asString()));
        assertThat(ids).containsExactlyInAnyOrder(USER, GROUP, ENTERPRISE);
        for (JsonNode schema : r.json().path("Resources")) {
            assertThat(schema.path("meta").path("resourceType").asString()).isEqualTo("Schema");
            assertThat(schema.path("meta").path("location").asString())
                    .isEqualTo("https://gatehouse.test/scim/v2/Schemas/" + schema.path("id").asString());
            assertThat(schema.path("attributes").size()).isPositive();
        }
        assertThat(containsJsonNull(r.json())).as("JSON null in /Schemas").isFalse();
    }

    @Test
    void userSchemaDescribesAttributesWithCamelCaseCharacteristicsAndNoPassword() {
        Http.Response r = scim.get("/Schemas/" + USER);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("id").asString()).isEqualTo(USER);
        JsonNode userName = attribute(r.json(), "userName");
        assertThat(userName.path("type").asString()).isEqualTo("string");
        assertThat(userName.path("required").booleanValue()).isTrue();
        assertThat(userName.path("mutability").asString()).isEqualTo("readWrite");
        assertThat(userName.path("returned").asString()).isEqualTo("default");
        assertThat(userName.path("uniqueness").asString()).isEqualTo("server");
        JsonNode emails = attribute(r.json(), "emails");
        assertThat(emails.path("multiValued").booleanValue()).isTrue();
        assertThat(emails.path("subAttributes").size()).isPositive();
        assertThat(attribute(r.json(), "groups").path("mutability").asString()).isEqualTo("readOnly");
        assertThat(attribute(r.json(), "password")).isNull();
    }

    @Test
    void enterpriseAndGroupSchemasAreServedByUrnInAnyCase() {
        Http.Response enterprise = scim.get("/Schemas/" + ENTERPRISE);
        Http.Response group = scim.get("/Schemas/" + GROUP.toUpperCase());

        assertThat(enterprise.status()).isEqualTo(200);
        assertThat(attribute(enterprise.json(), "manager").path("type").asString()).isEqualTo("complex");
        assertThat(attribute(enterprise.json(), "department")).isNotNull();
        assertThat(group.status()).isEqualTo(200);
        assertThat(group.json().path("id").asString()).isEqualTo(GROUP);
        assertThat(attribute(group.json(), "members").path("multiValued").booleanValue()).isTrue();
    }

    @Test
    void unknownSchemaUrnIsAScim404() {
        assertScimError(scim.get("/Schemas/urn:example:nope"), 404, null);
    }

    @Test
    void resourceTypesListUserWithEnterpriseExtensionAndGroup() {
        Http.Response r = scim.get("/ResourceTypes");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("totalResults").asInt()).isEqualTo(2);
        JsonNode user = null;
        JsonNode group = null;
        for (JsonNode type : r.json().path("Resources")) {
            if (type.path("name").asString().equals("User")) {
                user = type;
            } else if (type.path("name").asString().equals("Group")) {
                group = type;
            }
        }
        assertThat(user).isNotNull();
        assertThat(user.path("endpoint").asString()).isEqualTo("/Users");
        assertThat(user.path("schema").asString()).isEqualTo(USER);
        assertThat(user.path("schemaExtensions").get(0).path("schema").asString()).isEqualTo(ENTERPRISE);
        assertThat(user.path("schemaExtensions").get(0).path("required").booleanValue()).isFalse();
        assertThat(group).isNotNull();
        assertThat(group.path("endpoint").asString()).isEqualTo("/Groups");
        assertThat(group.path("schema").asString()).isEqualTo(GROUP);

        Http.Response single = scim.get("/ResourceTypes/User");
        assertThat(single.status()).isEqualTo(200);
        assertThat(single.json().path("endpoint").asString()).isEqualTo("/Users");
    }

    @Test
    void discoveryWorksUnderTheScimAliasToo() {
        Scim alias = new Scim(http(), company.scimToken(), "/scim");

        assertThat(alias.get("/ServiceProviderConfig").json().path("patch").path("supported").booleanValue()).isTrue();
        assertThat(alias.get("/Schemas").json().path("totalResults").asInt()).isEqualTo(3);
        assertThat(alias.get("/ResourceTypes").json().path("totalResults").asInt()).isEqualTo(2);
    }

    private static JsonNode attribute(JsonNode schema, String name) {
        for (JsonNode a : schema.path("attributes")) {
            if (a.path("name").asString().equals(name)) {
                return a;
            }
        }
        return null;
    }

    private static boolean containsJsonNull(JsonNode node) {
        if (node.isNull()) {
            return true;
        }
        for (JsonNode child : node) {
            if (containsJsonNull(child)) {
                return true;
            }
        }
        return false;
    }
}
