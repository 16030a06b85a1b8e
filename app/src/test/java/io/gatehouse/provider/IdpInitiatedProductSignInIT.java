package io.gatehouse.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.saml.EntraLikeIdp;
import io.gatehouse.support.Applications;
import io.gatehouse.support.FormBrowser;
import io.gatehouse.support.Http;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A sign-in started at the company's identity provider (an unsolicited SAML Response, as from Entra's My Apps) for
 * a product application: handed to the application's initiate login URI (OpenID Connect Core 4), whose own
 * authorization request with PKCE then gets a fresh code at the default redirect URI from the session just made.
 */
class IdpInitiatedProductSignInIT extends ProviderIntegrationTest {

    private static final String INITIATE = "https://product.example.com/login/gatehouse";

    private Applications.TestApplication product(String companyId, String initiateLoginUri) {
        return applications().register("""
                {"name":"Product %d","clientType":"confidential","redirectUris":["%s"],"companyIds":["%s"]%s}
                """.formatted(System.nanoTime(), REDIRECT, companyId,
                initiateLoginUri == null ? "" : ",\"initiateLoginUri\":\"" + initiateLoginUri + "\""));
    }

    /** Posts an unsolicited Response for {@code user} with the RelayState; the ACS's answer. */
    private Http.Response idpInitiated(FormBrowser browser, SamlCompany company, String user, String relayState) {
        return browser.post("/saml/" + company.id() + "/acs", EntraLikeIdp.form(EntraLikeIdp.signed(
                EntraLikeIdp.response(company.id(), null, user)), relayState));
    }

    @Test
    void aRelayStateNamingTheClientIdHandsTheSignInToTheProductWhoseOwnPkceRequestGetsAFreshCode() {
        SamlCompany company = samlCompany();
        company.scim().createUser("myapps@contoso.test");
        Applications.TestApplication app = product(company.id(), INITIATE);
        product(company.id(), "https://other.example.com/start"); // a second application: RelayState decides
        FormBrowser browser = new FormBrowser(http().base());

        Http.Response acs = idpInitiated(browser, company, "myapps@contoso.test", app.clientId());

        assertThat(acs.status()).isEqualTo(302);
        String location = acs.header("Location");
        assertThat(location).startsWith(INITIATE + "?");
        Map<String, String> q = query(location);
        String issuer = http().get("/.well-known/openid-configuration", null).json().path("issuer").asString();
        assertThat(q).containsEntry("iss", issuer).containsEntry("login_hint", "myapps@contoso.test")
                .containsEntry("target_link_uri", REDIRECT).containsEntry("organization", company.id());

        // the product starts its own code flow (a stock client: no organization, its own PKCE)
        Pkce pkce = pkce();
        Http.Response back = browser.get(authorize(app.clientId(), null, pkce));
        String code = codeOf(back);
        assertThat(back.header("Location")).startsWith(REDIRECT + "?");
        Http.Response tokens = exchange(app, code, pkce.verifier());
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        assertThat(claims(tokens.json().path("id_token").asString()).path("org_id").asString())
                .isEqualTo(company.id());
        // without the product's verifier the code is worth nothing
        assertThat(exchange(app, codeOf(browser.get(authorize(app.clientId(), null, pkce()))), pkce.verifier())
                .status()).isEqualTo(400);
    }

    @Test
    void withoutRelayStateTheOnlyApplicationIsChosenAndOtherwiseTheSignInLandsInGatehouse() {
        SamlCompany company = samlCompany();
        company.scim().createUser("solo@contoso.test");
        Applications.TestApplication only = product(company.id(), INITIATE);

        Http.Response one = idpInitiated(new FormBrowser(http().base()), company, "solo@contoso.test", null);
        assertThat(one.header("Location")).startsWith(INITIATE + "?");

        // an application of another company named in RelayState, or a second application and no RelayState
        SamlCompany other = samlCompany();
        Applications.TestApplication foreign = product(other.id(), INITIATE);
        Http.Response named = idpInitiated(new FormBrowser(http().base()), company, "solo@contoso.test",
                foreign.clientId());
        assertThat(named.status()).isEqualTo(302);
        assertThat(named.header("Location")).endsWith("/app");
        product(company.id(), null);
        Http.Response two = idpInitiated(new FormBrowser(http().base()), company, "solo@contoso.test", null);
        assertThat(two.header("Location")).endsWith("/app");
        // a same-site path in RelayState keeps its meaning
        Http.Response path = idpInitiated(new FormBrowser(http().base()), company, "solo@contoso.test",
                "/console");
        assertThat(path.header("Location")).endsWith("/console");
        assertThat(only.clientId()).isNotBlank();
    }

    @Test
    void anInitiateLoginUriFollowsTheRedirectUriRules() {
        SamlCompany company = samlCompany();
        Http.Response r = operator().call("POST", "/applications", """
                {"name":"Bad","clientType":"confidential","redirectUris":["%s"],"companyIds":["%s"],
                 "initiateLoginUri":"http://product.example.com/start"}
                """.formatted(REDIRECT, company.id()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("field").asString()).isEqualTo("initiateLoginUri");
    }
}
