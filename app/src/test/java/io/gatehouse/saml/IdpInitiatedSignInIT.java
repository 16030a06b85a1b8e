package io.gatehouse.saml;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sign-in started from the IdP (Entra's My Apps): no request of ours, so RelayState is all we get. */
class IdpInitiatedSignInIT extends SamlIntegrationTest {

    @Test
    void unsolicitedResponseSignsInAndLandsOnTheRelayStatePath() {
        SsoCompany company = ssoCompany();
        company.scim().createUser("myapps@contoso.test");
        Browser browser = browser();

        Http.Response acs = browser.postForm(company.acs(), EntraLikeIdp.form(EntraLikeIdp.signed(
                EntraLikeIdp.response(company.id(), null, "myapps@contoso.test")), "/app"));

        assertThat(acs.status()).isEqualTo(302);
        assertThat(acs.header("Location")).endsWith("/app");
        assertThat(browser.get("/app").body()).contains("myapps Example");
        assertThat(log(company).get(0).path("detail").asString()).startsWith("IdP-initiated");
    }

    @Test
    void refusedWhenTheCompanyAllowsOnlySignInStartedHere() {
        SsoCompany company = ssoCompany();
        company.scim().createUser("strict@contoso.test");
        assertThat(patchConnection(company.id(), "{\"allowIdpInitiated\":false}").status()).isEqualTo(200);

        Http.Response acs = browser().postForm(company.acs(), EntraLikeIdp.form(EntraLikeIdp.signed(
                EntraLikeIdp.response(company.id(), null, "strict@contoso.test")), null));

        assertThat(acs.status()).isEqualTo(403);
        assertThat(acs.body()).contains("Start signing in from Gatehouse").contains(company.login());
        var row = log(company).get(0);
        assertThat(row.path("outcome").asString()).isEqualTo("IDP_INITIATED_NOT_ALLOWED");
        assertThat(acs.body()).contains(row.path("reference").asString());
    }

    @Test
    void theSameAssertionPostedTwiceIsAReplay() {
        SsoCompany company = ssoCompany();
        company.scim().createUser("replay@contoso.test");
        Map<String, String> post = EntraLikeIdp.form(EntraLikeIdp.signed(
                EntraLikeIdp.response(company.id(), null, "replay@contoso.test")), null);

        Http.Response first = browser().postForm(company.acs(), post);
        Browser attacker = browser();
        Http.Response second = attacker.postForm(company.acs(), post);

        assertThat(first.status()).isEqualTo(302);
        assertThat(second.status()).isEqualTo(403);
        assertThat(attacker.cookie("GATEHOUSE_SESSION")).isNull();
        assertThat(log(company).get(0).path("outcome").asString()).isEqualTo("ASSERTION_REPLAYED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/", "/\\evil.example", "https://evil.example/app", "javascript:alert(1)",
        "http:/evil.example", "/app\r\nSet-Cookie: x=y", "app", " /app", "\\\\evil.example"})
    void relayStatePointingElsewhereLandsOnTheDefaultPage(String relayState) {
        SsoCompany company = ssoCompany();
        String user = "redirect" + Math.abs(relayState.hashCode()) + "@contoso.test";
        company.scim().createUser(user);

        Http.Response acs = browser().postForm(company.acs(), EntraLikeIdp.form(EntraLikeIdp.signed(
                EntraLikeIdp.response(company.id(), null, user)), relayState));

        assertThat(acs.status()).isEqualTo(302);
        assertThat(acs.header("Location")).matches("(https?://[^/]+)?/app");
    }

    private tools.jackson.databind.JsonNode log(SsoCompany company) {
        return operator().call("GET", "/companies/" + company.id() + "/saml-log", null).json();
    }
}
