package io.gatehouse.scim.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.EntraBodies;
import io.gatehouse.support.Http;
import io.gatehouse.support.Operator.TestCompany;
import io.gatehouse.support.Scim;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** User groups are a premium feature: a standard-plan company gets an explanatory 403 on every /Groups request. */
class GroupsPlanFeatureIT extends ProviderFixture {

    private TestCompany standard;
    private Scim standardScim;

    @BeforeEach
    void standardCompany() {
        standard = operator().standardCompanyWithToken();
        standardScim = new Scim(http(), standard.scimToken());
    }

    private static void assertPlanRefusal(Http.Response r) {
        assertScimError(r, 403, null);
        assertThat(r.json().path("detail").asString()).containsIgnoringCase("plan").containsIgnoringCase("premium");
    }

    @Test
    void everyGroupsEndpointIs403WithADetailNamingThePlan() {
        String someId = UUID.randomUUID().toString();

        assertPlanRefusal(standardScim.get("/Groups"));
        assertPlanRefusal(standardScim.get("/Groups?excludedAttributes=members&filter="
                + Scim.filter("displayName eq \"x\"")));
        assertPlanRefusal(standardScim.post("/Groups", EntraBodies.group("Not Allowed")));
        assertPlanRefusal(standardScim.get("/Groups/" + someId));
        assertPlanRefusal(standardScim.put("/Groups/" + someId, EntraBodies.group("Not Allowed")));
        assertPlanRefusal(standardScim.patch("/Groups/" + someId, patch(op("Add", "members", "[]"))));
        assertPlanRefusal(standardScim.delete("/Groups/" + someId));
        assertPlanRefusal(new Scim(http(), standard.scimToken(), "/scim").get("/Groups"));
    }

    @Test
    void usersStillWorkOnTheStandardPlan() {
        Http.Response created = standardScim.post("/Users", EntraBodies.user("std@acme.example"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(standardScim.get("/Users/" + id).json().path("userName").asString()).isEqualTo("std@acme.example");
        assertThat(standardScim.patch("/Users/" + id, patch(op("Replace", "active", quoted("False")))).status())
                .isEqualTo(200);
    }

    @Test
    void theRefusalIsRecordedInTheProvisioningLog() {
        standardScim.post("/Groups", EntraBodies.group("Logged Refusal"));

        JsonNode log = ProvisioningLogs.await(operator(), standard.id(), 1, 1);

        assertThat(log.get(0).path("status").asInt()).isEqualTo(403);
        assertThat(log.get(0).path("method").asString()).isEqualTo("POST");
        assertThat(log.get(0).path("path").asString()).isEqualTo("/scim/v2/Groups");
        assertThat(log.get(0).path("resourceType").asString()).isEqualTo("Group");
    }

    @Test
    void upgradingToPremiumUnlocksGroupsAtOnce() {
        Http.Response upgraded = operator().call("PATCH", "/companies/" + standard.id(), "{\"plan\":\"premium\"}");
        assertThat(upgraded.status()).as(upgraded.toString()).isEqualTo(200);

        Http.Response created = standardScim.post("/Groups", EntraBodies.group("Now Allowed"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(standardScim.get("/Groups").json().path("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void premiumCompanyIsNotRefused() {
        assertThat(scim.get("/Groups").status()).isEqualTo(200);
    }
}
