package io.gatehouse.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.FormBrowser;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Without the operator's Entra application configured the feature is off and the service runs as before. */
class OidcNotConfiguredIT extends IntegrationTest {

    @Test
    void theLoginPageHasNoMicrosoftButton() {
        Http.Response login = new FormBrowser(http().base()).get("/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).doesNotContain("Sign in with Microsoft");
    }

    @Test
    void theSignInEndpointsAnswerNotAvailable() {
        FormBrowser web = new FormBrowser(http().base());
        assertThat(web.get("/oidc/login").status()).isEqualTo(404);
        Http.Response callback = web.get("/oidc/callback?code=x&state=y");
        assertThat(callback.status()).isEqualTo(404);
        assertThat(callback.body()).contains("Sign in with Microsoft is not available");
    }
}
