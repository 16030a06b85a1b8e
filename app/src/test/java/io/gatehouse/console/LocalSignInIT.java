package io.gatehouse.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Break-glass administrators: the setup link's page and the password form of the login page. */
class LocalSignInIT extends ConsoleIntegrationTest {

    @Test
    void theSetupLinkSetsThePasswordOnceAndSignsIn() {
        TestCompany company = companyWithAdmin("premium");
        WebClient web = client();

        Http.Response page = web.get(company.setupPath());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Set your password").contains(company.adminEmail());
        Http.Response done = web.post(company.setupPath(), Map.of("_csrf", WebClient.csrfToken(page),
                "password", PASSWORD, "confirm", PASSWORD));

        assertThat(done.status()).isEqualTo(302);
        assertThat(done.header("Location")).endsWith("/console");
        assertThat(web.cookie("GATEHOUSE_SESSION")).isNotBlank();
        assertThat(web.get("/console").body()).contains(company.adminEmail()).contains("Single sign-on");
        Http.Response again = client().get(company.setupPath());
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.body()).contains("already been used");
    }

    @Test
    void aRejectedPasswordKeepsTheLinkUsable() {
        TestCompany company = companyWithAdmin("premium");
        WebClient web = client();

        Http.Response mismatch = web.postWithCsrf(company.setupPath(), company.setupPath(),
                Map.of("password", PASSWORD, "confirm", PASSWORD + "x"));
        Http.Response tooShort = web.postWithCsrf(company.setupPath(), company.setupPath(),
                Map.of("password", "short", "confirm", "short"));

        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.body()).contains("not the same");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.body()).contains("at least 12 characters");
        assertThat(web.cookie("GATEHOUSE_SESSION")).isNull();
        assertThat(client().get(company.setupPath()).status()).isEqualTo(200);
    }

    @Test
    void anUnknownLinkIsRefused() {
        Http.Response page = client().get("/setup/not-a-real-token");
        assertThat(page.status()).isEqualTo(410);
        assertThat(page.body()).contains("not valid");
    }

    @Test
    void passwordSignInCreatesANewSessionAndFailuresLookTheSame() {
        TestCompany company = companyWithAdmin("premium");
        signedInAdmin(company);
        WebClient web = client();
        Http.Response login = web.get("/login");
        String csrf = WebClient.csrfToken(login);

        Http.Response wrongPassword = web.post("/login/password",
                Map.of("_csrf", csrf, "email", company.adminEmail(), "password", "wrong password!!"));
        Http.Response unknownUser = web.post("/login/password",
                Map.of("_csrf", csrf, "email", "nobody@acme.test", "password", PASSWORD));
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.body()).contains(LocalSignInController.FAILED);
        assertThat(unknownUser.body()).contains(LocalSignInController.FAILED);
        assertThat(web.cookie("GATEHOUSE_SESSION")).isNull();

        Http.Response ok = web.post("/login/password",
                Map.of("_csrf", csrf, "email", company.adminEmail(), "password", PASSWORD));
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.header("Location")).endsWith("/console");
        String first = web.cookie("GATEHOUSE_SESSION");
        assertThat(web.get("/console").status()).isEqualTo(200);

        Http.Response again = web.post("/login/password", Map.of("_csrf", WebClient.csrfToken(web.get("/login")),
                "email", company.adminEmail(), "password", PASSWORD));
        assertThat(again.status()).isEqualTo(302);
        assertThat(web.cookie("GATEHOUSE_SESSION")).isNotEqualTo(first);
    }

    @Test
    void theConsoleSendsSignedOutVisitorsToTheLoginPage() {
        Http.Response console = client().get("/console/users");
        assertThat(console.status()).isEqualTo(302);
        assertThat(console.header("Location")).contains("/login");
    }
}
