package io.gatehouse.scim.core.schema;

import static io.gatehouse.scim.core.schema.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** The /Schemas and /ResourceTypes documents (RFC 7643 sections 6 and 7). */
class DiscoveryDocumentsTest {

    @Test
    void rendersTheThreeSchemasEntraDiscovers() {
        ArrayNode schemas = DiscoveryDocuments.schemas("https://host/scim/v2/");
        assertThat(schemas).hasSize(3);
        assertThat(schemas.valueStream().map(s -> s.get("id").stringValue()))
                .containsExactly(TestJson.USER, TestJson.GROUP, TestJson.ENTERPRISE);
        JsonNode user = schemas.get(0);
        assertThat(user.get("schemas")).isEqualTo(json("['urn:ietf:params:scim:schemas:core:2.0:Schema']"));
        assertThat(user.get("meta")).isEqualTo(json("{'resourceType':'Schema','location':'https://host/scim/v2/Schemas/"
                + TestJson.USER + "'}"));
        assertThat(user.get("name")).isEqualTo(json("'User'"));
    }

    @Test
    void rendersEveryAttributeCharacteristicWithoutNulls() {
        JsonNode userName = attribute(DiscoveryDocuments.schemas(null).get(0), "userName");
        assertThat(userName).isEqualTo(json("""
                {'name':'userName','type':'string','multiValued':false,
                 'description':'Unique identifier for the User, typically used to sign in. REQUIRED.',
                 'required':true,'caseExact':false,'mutability':'readWrite','returned':'default','uniqueness':'server'}"""));
        JsonNode emails = attribute(DiscoveryDocuments.schemas(null).get(0), "emails");
        assertThat(emails.get("type").stringValue()).isEqualTo("complex");
        assertThat(emails.get("multiValued").booleanValue()).isTrue();
        assertThat(emails.get("subAttributes").valueStream().map(a -> a.get("name").stringValue()))
                .containsExactly("value", "display", "type", "primary");
        assertThat(attribute(emails.get("subAttributes"), "type").get("canonicalValues"))
                .isEqualTo(json("['work','home','other']"));
        for (JsonNode node : everyNode(DiscoveryDocuments.schemas("https://h"))) {
            assertThat(node.isNull()).isFalse();
        }
    }

    @Test
    void declaresManagerAndMembersAsEntraMapsThem() {
        JsonNode manager = attribute(DiscoveryDocuments.schemas(null).get(2), "manager");
        assertThat(manager.get("subAttributes").valueStream().map(a -> a.get("name").stringValue()))
                .containsExactly("value", "$ref", "displayName");
        assertThat(attribute(manager.get("subAttributes"), "$ref").get("referenceTypes")).isEqualTo(json("['User']"));
        JsonNode members = attribute(DiscoveryDocuments.schemas(null).get(1), "members");
        assertThat(attribute(members.get("subAttributes"), "value").get("mutability")).isEqualTo(json("'immutable'"));
    }

    @Test
    void rendersResourceTypes() {
        ArrayNode types = DiscoveryDocuments.resourceTypes("https://host/scim/v2");
        assertThat(types).isEqualTo(json("""
                [{'schemas':['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],'id':'User','name':'User',
                  'endpoint':'/Users','description':'User Account','schema':'%USER%',
                  'schemaExtensions':[{'schema':'%ENT%','required':false}],
                  'meta':{'resourceType':'ResourceType','location':'https://host/scim/v2/ResourceTypes/User'}},
                 {'schemas':['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],'id':'Group','name':'Group',
                  'endpoint':'/Groups','description':'Group','schema':'%GROUP%','schemaExtensions':[],
                  'meta':{'resourceType':'ResourceType','location':'https://host/scim/v2/ResourceTypes/Group'}}]"""));
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(nullValues = "-", value = {
            "https://h/scim/v2, https://h/scim/v2/ResourceTypes/User",
            "https://h/scim/v2/, https://h/scim/v2/ResourceTypes/User",
            "'', /ResourceTypes/User",
            "-, -"})
    void fillsMetaLocationFromTheBaseUrl(String baseUrl, String location) {
        JsonNode meta = DiscoveryDocuments.resourceTypes(baseUrl).get(0).get("meta");
        if (location == null) {
            assertThat(meta.has("location")).isFalse();
        } else {
            assertThat(meta.get("location").stringValue()).isEqualTo(location);
        }
    }

    private static JsonNode attribute(JsonNode schemaOrAttributes, String name) {
        JsonNode list = schemaOrAttributes.isArray() ? schemaOrAttributes : schemaOrAttributes.get("attributes");
        return list.valueStream().filter(a -> a.get("name").stringValue().equals(name)).findFirst().orElseThrow();
    }

    private static List<JsonNode> everyNode(JsonNode root) {
        List<JsonNode> all = new ArrayList<>();
        all.add(root);
        if (root.isObject()) {
            for (Map.Entry<String, JsonNode> e : root.properties()) {
                all.addAll(everyNode(e.getValue()));
            }
        } else if (root.isArray()) {
            root.forEach(child -> all.addAll(everyNode(child)));
        }
        return all;
    }
}
