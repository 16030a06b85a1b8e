package io.gatehouse.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorApiIT extends IntegrationTest {

    @Test
    void createsCompanyAndReturnsTheValuesToPasteIntoEntra() {
        Http.Response r = operator().call("POST", "/companies", "{\"name\":\"Contoso\",\"plan\":\"premium\"}");

        assertThat(r.status()).isEqualTo(201);
        String id = r.json().path("id").asString();
        assertThat(r.json().path("name").asString()).isEqualTo("Contoso");
        assertThat(r.json().path("plan").asString()).isEqualTo("premium");
        assertThat(r.json().path("scimBaseUrl").asString()).isEqualTo("https://gatehouse.test/scim/v2");
        assertThat(r.json().path("saml").path("entityId").asString())
                .isEqualTo("https://gatehouse.test/saml/" + id + "/metadata");
        assertThat(r.json().path("saml").path("replyUrl").asString())
                .isEqualTo("https://gatehouse.test/saml/" + id + "/acs");
        assertThat(r.json().path("features").toString()).contains("USER_GROUPS");
        assertThat(operator().call("GET", "/companies/" + id, null).json().path("name").asString())
                .isEqualTo("Contoso");
    }

    @Test
    void changesPlanAndTheFeaturesFollow() {
        String id = operator().createCompany("Fabrikam", "premium");

        Http.Response r = operator().call("PATCH", "/companies/" + id, "{\"plan\":\"standard\"}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("plan").asString()).isEqualTo("standard");
        assertThat(r.json().path("features").size()).isZero();
    }

    @Test
    void refusesUnknownPlanWithAClearMessage() {
        Http.Response r = operator().call("POST", "/companies", "{\"name\":\"X\",\"plan\":\"gold\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("detail").asString()).contains("gold");
    }

    @Test
    void refusesRequestsWithoutTheOperatorToken() {
        Http.Response none = http().send("GET", "/operator/v1/companies", null, null, Map.of());
        Http.Response wrong = http().send("GET", "/operator/v1/companies", "not-the-token", null, Map.of());

        assertThat(none.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
    }

    @Test
    void unknownCompanyIs404() {
        assertThat(operator().call("GET", "/companies/00000000-0000-0000-0000-000000000000", null).status())
                .isEqualTo(404);
        assertThat(operator().call("GET", "/companies/not-a-uuid", null).status()).isEqualTo(404);
    }

    @Test
    void issuesTokenOnceAndListsOnlyItsPrefix() {
        String id = operator().createCompany("Tailspin", "standard");

        Http.Response issued = operator().call("POST", "/companies/" + id + "/scim-tokens", null);
        Http.Response listed = operator().call("GET", "/companies/" + id + "/scim-tokens", null);

        assertThat(issued.status()).isEqualTo(201);
        String token = issued.json().path("token").asString();
        assertThat(token).startsWith("gh_scim_").hasSize(8 + 16 + 1 + 43);
        assertThat(listed.body()).doesNotContain(token).doesNotContain(token.substring(25));
        assertThat(listed.json().get(0).path("prefix").asString()).isEqualTo(token.substring(0, 24));
        assertThat(listed.json().get(0).path("active").asBoolean()).isTrue();
    }

    @Test
    void revokingAnotherCompanysTokenIs404AndLeavesItWorking() {
        String a = operator().createCompany("A", "standard");
        String b = operator().createCompany("B", "standard");
        Http.Response issued = operator().call("POST", "/companies/" + b + "/scim-tokens", null);
        String tokenId = issued.json().path("id").asString();

        Http.Response r = operator().call("DELETE", "/companies/" + a + "/scim-tokens/" + tokenId, null);

        assertThat(r.status()).isEqualTo(404);
        assertThat(http().get("/scim/v2/Users", issued.json().path("token").asString()).status()).isEqualTo(200);
    }
}
