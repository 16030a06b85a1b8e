package io.gatehouse.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Applications;
import io.gatehouse.support.FormBrowser;
import io.gatehouse.support.Http;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A company without SSO whose directory is not managed by Entra: the product's sign-in is the password sign-in. */
class LocalSignInForProductIT extends ProviderIntegrationTest {

    static final String PASSWORD = "correct horse battery staple";

    @Test
    void aCompanyWithoutSsoSignsInWithItsLocalPasswordAndTheClaimsSayLocal() {
        String companyId = operator().createCompany("Local " + System.nanoTime(), "premium");
        String email = "ada" + System.nanoTime() + "@local.test";
        Http.Response admin = operator().call("POST", "/companies/" + companyId + "/admins",
                "{\"email\":\"" + email + "\",\"displayName\":\"Ada Admin\"}");
        assertThat(admin.status()).isEqualTo(201);
        String setup = URI.create(admin.json().path("setupLink").asString()).getPath();
        FormBrowser setter = new FormBrowser(http().base());
        assertThat(setter.postWithCsrf(setup, setup, Map.of("password", PASSWORD, "confirm", PASSWORD)).status())
                .isEqualTo(302);
        Applications.TestApplication app = application(companyId);
        Pkce pkce = pkce();
        FormBrowser browser = new FormBrowser(http().base());

        Http.Response toLogin = browser.get(authorize(app.clientId(), companyId, pkce));
        assertThat(toLogin.status()).isEqualTo(302);
        String login = toLogin.header("Location");
        assertThat(login).contains("/login?target=");
        Http.Response page = browser.get(login);
        assertThat(page.status()).isEqualTo(200);
        String target = query(login).get("target");
        Http.Response signedIn = browser.postWithCsrf(login, "/login/password",
                Map.of("email", email, "password", PASSWORD, "target", target));
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).contains("/oauth2/authorize?");

        Http.Response back = browser.get(signedIn.header("Location"));
        Http.Response tokens = exchange(app, codeOf(back), pkce.verifier());
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        var id = claims(tokens.json().path("id_token").asString());
        assertThat(id.path("idp").asString()).isEqualTo("local");
        assertThat(id.path("org_id").asString()).isEqualTo(companyId);
        assertThat(id.path("sub").asString()).isEqualTo(admin.json().path("userId").asString());
        assertThat(id.path("permissions").size()).isGreaterThan(0);
    }
}
