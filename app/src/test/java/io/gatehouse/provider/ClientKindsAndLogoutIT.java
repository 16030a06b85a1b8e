package io.gatehouse.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Applications;
import io.gatehouse.support.FormBrowser;
import io.gatehouse.support.Http;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Public clients (PKCE only, no refresh token), RP-initiated logout, and other layers' refusals on OAuth paths. */
class ClientKindsAndLogoutIT extends ProviderIntegrationTest {

    static final String SIGNED_OUT = "https://product.example.com/signed-out";

    @Test
    void aPublicClientRedeemsItsCodeWithThePkceVerifierAloneAndGetsNoRefreshToken() {
        SamlCompany company = samlCompany();
        company.scim().createUser("spa@contoso.test");
        Applications.TestApplication app = applications().register("""
                {"name":"SPA %d","clientType":"public","redirectUris":["%s"],"companyIds":["%s"]}
                """.formatted(System.nanoTime(), REDIRECT, company.id()));
        assertThat(app.clientSecret()).isNull();
        Pkce pkce = pkce();
        String code = code(new FormBrowser(http().base()), company, "spa@contoso.test", app.clientId(), pkce);

        Map<String, String> withoutVerifier = new LinkedHashMap<>();
        withoutVerifier.put("grant_type", "authorization_code");
        withoutVerifier.put("code", code);
        withoutVerifier.put("redirect_uri", REDIRECT);
        withoutVerifier.put("client_id", app.clientId());
        Http.Response refused = tokenRequest(null, withoutVerifier);
        assertThat(refused.status()).isBetween(400, 401);
        assertThat(refused.json().path("error").asString()).isIn("invalid_client", "invalid_grant");

        Map<String, String> p = new LinkedHashMap<>(withoutVerifier);
        p.put("code_verifier", pkce.verifier());
        Http.Response tokens = tokenRequest(null, p);
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        assertThat(tokens.json().has("refresh_token")).isFalse();
        assertThat(claims(tokens.json().path("id_token").asString()).path("org_id").asString())
                .isEqualTo(company.id());
    }

    @Test
    void rpInitiatedLogoutEndsTheGatehouseSessionAndReturnsToTheRegisteredUri() {
        SamlCompany company = samlCompany();
        company.scim().createUser("out@contoso.test");
        Applications.TestApplication app = applications().register("""
                {"name":"Product %d","clientType":"confidential","redirectUris":["%s"],
                 "postLogoutRedirectUris":["%s"],"companyIds":["%s"]}
                """.formatted(System.nanoTime(), REDIRECT, SIGNED_OUT, company.id()));
        FormBrowser browser = new FormBrowser(http().base());
        Pkce pkce = pkce();
        Http.Response tokens = exchange(app, code(browser, company, "out@contoso.test", app.clientId(), pkce),
                pkce.verifier());
        String idToken = tokens.json().path("id_token").asString();

        Http.Response elsewhere = browser.get("/oauth2/logout?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=https%3A%2F%2Fevil.example.com%2F&state=s1");
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.json().path("error").asString()).isNotBlank();

        Http.Response logout = browser.get("/oauth2/logout?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=" + java.net.URLEncoder.encode(SIGNED_OUT,
                java.nio.charset.StandardCharsets.UTF_8) + "&state=s1");
        assertThat(logout.status()).isEqualTo(302);
        assertThat(logout.header("Location")).isEqualTo(SIGNED_OUT + "?state=s1");

        // The session is gone: the next authorization request runs the company's sign-in again.
        Http.Response again = browser.get(authorize(app.clientId(), company.id(), pkce()));
        assertThat(again.header("Location")).contains("/saml/" + company.id() + "/login");
    }

    @Test
    void refusalsOfOtherLayersOnOAuthPathsAreOAuthErrorJson() {
        for (String path : new String[] {"/oauth2/nothing-here", "/oauth2/token%2F..", "/.well-known/unknown"}) {
            Http.Response r = http().get(path, null);
            assertThat(r.status()).as(path).isBetween(400, 499);
            assertThat(r.header("Content-Type")).as(path).startsWith("application/json");
            assertThat(r.json().path("error").asString()).as(path).isNotBlank();
        }
    }
}
