package io.gatehouse.bench.scim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.bench.scim.SyncPlan.PlannedUser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EntraRequestsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    private final SyncPlan plan = SyncPlan.generate(1, "u", 200, 5, 3);

    @Test
    void userCreateBodyCarriesEntrasDefaultMappings() {
        PlannedUser user = plan.users().get(0);
        JsonNode body = JSON.readTree(EntraRequests.createUserBody(user, null));

        assertThat(texts(body.get("schemas"))).containsExactly(EntraRequests.CORE_USER, EntraRequests.ENTERPRISE_USER);
        assertThat(body.get("externalId").stringValue()).matches(GUID);
        assertThat(body.get("userName").stringValue()).isEqualTo(user.userName()).contains("@");
        assertThat(body.get("active").isBoolean()).isTrue();
        assertThat(body.get("active").booleanValue()).isTrue();
        assertThat(body.get("displayName").stringValue()).isEqualTo(user.displayName());
        assertThat(body.get("title").stringValue()).isNotBlank();
        JsonNode email = body.get("emails").get(0);
        assertThat(email.get("primary").booleanValue()).isTrue();
        assertThat(email.get("type").stringValue()).isEqualTo("work");
        assertThat(email.get("value").stringValue()).isEqualTo(user.userName());
        assertThat(body.get("name").get("givenName").stringValue()).isEqualTo(user.givenName());
        assertThat(body.get("name").get("familyName").stringValue()).isEqualTo(user.familyName());
        assertThat(body.get("addresses").get(0).get("type").stringValue()).isEqualTo("work");
        assertThat(body.get("phoneNumbers")).hasSize(2);
        JsonNode enterprise = body.get(EntraRequests.ENTERPRISE_USER);
        assertThat(enterprise.get("department").stringValue()).isEqualTo(user.department());
        assertThat(enterprise.get("employeeNumber").stringValue()).isEqualTo(user.employeeNumber());
        assertThat(enterprise.has("manager")).isFalse();
    }

    @Test
    void managerIsSentAsAReferenceOnlyWhenItsIdIsKnown() {
        JsonNode body = JSON.readTree(EntraRequests.createUserBody(plan.users().get(0), "mgr-id-1"));
        assertThat(body.get(EntraRequests.ENTERPRISE_USER).get("manager").get("value").stringValue())
                .isEqualTo("mgr-id-1");
    }

    @Test
    void everyPlannedUserBodyIsValidJsonWithoutEmptyValues() {
        for (PlannedUser user : plan.users()) {
            JsonNode body = JSON.readTree(EntraRequests.createUserBody(user, "x"));
            // Entra skips empty attributes, so the bench must never send "" either
            body.get("addresses").get(0).properties()
                    .forEach(field -> assertThat(field.getValue().asString()).as(field.getKey()).isNotEmpty());
        }
    }

    @Test
    void groupCreateBodyIsEmptyWithEntrasExtraSchema() {
        JsonNode body = JSON.readTree(EntraRequests.createGroupBody(plan.groups().get(0)));

        assertThat(texts(body.get("schemas"))).containsExactly(EntraRequests.CORE_GROUP, EntraRequests.ENTRA_GROUP);
        assertThat(body.get("externalId").stringValue()).matches(GUID);
        assertThat(body.get("displayName").stringValue()).isEqualTo(plan.groups().get(0).displayName());
        assertThat(body.get("members").isArray()).isTrue();
        assertThat(body.get("members")).isEmpty();
    }

    @Test
    void addMembersIsOnePatchOpWithAllIdsInOrder() {
        JsonNode body = JSON.readTree(EntraRequests.addMembersBody(List.of("a", "b", "c")));

        assertThat(texts(body.get("schemas"))).containsExactly(EntraRequests.PATCH_OP);
        assertThat(body.get("Operations")).hasSize(1);
        JsonNode op = body.get("Operations").get(0);
        assertThat(op.get("op").stringValue()).isEqualTo("Add");
        assertThat(op.get("path").stringValue()).isEqualTo("members");
        assertThat(op.get("value").findValuesAsString("value")).containsExactly("a", "b", "c");
    }

    @Test
    void filterPathsArePercentEncodedEqFilters() {
        String userPath = EntraRequests.userFilterPath("ada.lovelace+x@s1.example.com");
        assertThat(userPath).startsWith("/Users?filter=").doesNotContain(" ", "\"", "+");
        assertThat(URLDecoder.decode(userPath.substring("/Users?filter=".length()), StandardCharsets.UTF_8))
                .isEqualTo("userName eq \"ada.lovelace+x@s1.example.com\"");

        String groupPath = EntraRequests.groupFilterPath("Sales team u0001 s1");
        assertThat(groupPath).startsWith("/Groups?excludedAttributes=members&filter=").doesNotContain(" ", "\"");
        assertThat(URLDecoder.decode(groupPath.substring(groupPath.indexOf("filter=") + 7), StandardCharsets.UTF_8))
                .isEqualTo("displayName eq \"Sales team u0001 s1\"");
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::stringValue).toList();
    }
}
