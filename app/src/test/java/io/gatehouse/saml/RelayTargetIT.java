package io.gatehouse.saml;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The target of /saml/{company}/login can only be a path on this site: never an open redirect. */
class RelayTargetIT extends SamlIntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "/\\evil.example", "https://evil.example/", "HTTPS://evil.example",
        "javascript:alert(1)", "data:text/html,x", "/\t/evil.example", "evil.example",
        "///evil.example", "/app\\..\\..\\evil"})
    void targetsLeavingTheSiteFallBackToTheLandingPage(String target) {
        SsoCompany company = ssoCompany();
        company.scim().createUser("t" + Math.abs(target.hashCode()) + "@contoso.test");
        Browser browser = browser();

        Http.Response start = browser.get(company.login() + "?target=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
        String requestId = EntraLikeIdp.requestId(start.header("Location"));
        assertThat(EntraLikeIdp.query(start.header("Location"))).containsEntry("RelayState", "/app");
        Http.Response acs = browser.postForm(company.acs(), EntraLikeIdp.form(EntraLikeIdp.signed(EntraLikeIdp.response(
                company.id(), requestId, "t" + Math.abs(target.hashCode()) + "@contoso.test")), target));

        assertThat(acs.status()).isEqualTo(302);
        assertThat(acs.header("Location")).matches("(https?://[^/]+)?/app");
    }

    @Test
    void aPathOnThisSiteIsKept() {
        SsoCompany company = ssoCompany();

        Http.Response start = browser().get(company.login() + "?target=" + URLEncoder.encode("/app/spaces/42?x=1",
                StandardCharsets.UTF_8));

        assertThat(EntraLikeIdp.query(start.header("Location"))).containsEntry("RelayState", "/app/spaces/42?x=1");
    }

    @Test
    void companyWithoutSsoGetsAPageNotARedirect() {
        String id = operator().createCompany("No SSO", "standard");

        Http.Response r = browser().get("/saml/" + id + "/login");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).contains("Single sign-on is not available").contains("No SSO");
    }
}
