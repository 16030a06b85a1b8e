package io.gatehouse.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Applications;
import io.gatehouse.support.FormBrowser;
import io.gatehouse.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The product's sign-in through a SAML company, end to end over HTTP: authorize, code, tokens, userinfo. */
class AuthorizationCodeFlowIT extends ProviderIntegrationTest {

    @Test
    void aSamlSignInComesBackWithACodeThatYieldsTokensWithTheUsersClaims() {
        SamlCompany company = samlCompany();
        String userId = company.scim().createUser("alice@contoso.test");
        Applications.TestApplication app = application(company.id());
        Pkce pkce = pkce();
        FormBrowser browser = new FormBrowser(http().base());

        String code = code(browser, company, "alice@contoso.test", app.clientId(), pkce);
        Http.Response tokens = exchange(app, code, pkce.verifier());

        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        JsonNode id = claims(tokens.json().path("id_token").asString());
        assertThat(id.path("sub").asString()).isEqualTo(userId);
        assertThat(id.path("org_id").asString()).isEqualTo(company.id());
        assertThat(id.path("idp").asString()).isEqualTo("saml");
        assertThat(id.path("iss").asString()).isEqualTo("https://gatehouse.test");
        assertThat(audience(id)).isEqualTo(app.clientId());
        assertThat(id.path("sid").asString()).isNotBlank();
        assertThat(id.path("preferred_username").asString()).isEqualTo("alice@contoso.test");
        assertThat(tokens.json().path("refresh_token").asString()).isNotBlank();

        Http.Response userinfo = userinfo(tokens.json().path("access_token").asString());
        assertThat(userinfo.status()).as(userinfo.body() + " " + userinfo.headers()).isEqualTo(200);
        assertThat(userinfo.json().path("sub").asString()).isEqualTo(userId);
        assertThat(userinfo.json().path("org_id").asString()).isEqualTo(company.id());
    }
}
