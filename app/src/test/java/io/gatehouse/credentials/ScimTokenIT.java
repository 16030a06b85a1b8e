package io.gatehouse.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class ScimTokenIT extends IntegrationTest {

    @Test
    void revokedTokenFailsWithTheVeryNextRequest() {
        String company = operator().createCompany("Revoke", "standard");
        Http.Response issued = operator().call("POST", "/companies/" + company + "/scim-tokens", null);
        String token = issued.json().path("token").asString();
        assertThat(http().get("/scim/v2/Users", token).status()).isEqualTo(200);

        Http.Response revoke = operator().call("DELETE",
                "/companies/" + company + "/scim-tokens/" + issued.json().path("id").asString(), null);

        assertThat(revoke.status()).isEqualTo(204);
        assertThat(http().get("/scim/v2/Users", token).status()).isEqualTo(401);
    }

    @Test
    void twoActiveTokensAllowRotationWithoutDowntime() {
        String company = operator().createCompany("Rotate", "standard");
        String oldToken = operator().issueScimToken(company);
        Http.Response fresh = operator().call("POST", "/companies/" + company + "/scim-tokens", null);

        assertThat(http().get("/scim/v2/Users", oldToken).status()).isEqualTo(200);
        assertThat(http().get("/scim/v2/Users", fresh.json().path("token").asString()).status()).isEqualTo(200);
    }

    @Test
    void tamperedTokenWithValidShapeIsRefused() {
        String company = operator().createCompany("Tamper", "standard");
        String token = operator().issueScimToken(company);
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(http().get("/scim/v2/Users", tampered).status()).isEqualTo(401);
    }

    @Test
    void recordsLastUseOfAToken() {
        String company = operator().createCompany("LastUse", "standard");
        String token = operator().issueScimToken(company);

        http().get("/scim/v2/Users", token);

        Http.Response listed = operator().call("GET", "/companies/" + company + "/scim-tokens", null);
        assertThat(listed.json().get(0).path("lastUsedAt").isNull()).isFalse();
    }
}
