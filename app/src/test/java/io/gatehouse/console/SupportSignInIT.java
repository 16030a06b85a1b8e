package io.gatehouse.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who reaches the support console: only a session signed in with the operator token. Session fixation, attempt
 * limiting, CSRF and the separation from company sessions.
 */
class SupportSignInIT extends SupportConsoleTest {

    private static final String THROTTLE_KEY = "support-sign-in:127.0.0.1";

    @Autowired
    SignInThrottle throttle;

    @AfterEach
    void clearThrottle() {
        throttle.reset(THROTTLE_KEY);
    }

    @Test
    void withoutASessionEverySupportPageGoesToTheSignInForm() {
        String company = operator().createCompany("Signed out " + System.nanoTime(), "standard");
        WebClient anonymous = client();
        for (String path : List.of("/support", "/support/companies", "/support/companies/" + company)) {
            Http.Response r = anonymous.get(path);
            assertThat(r.status()).as(path).isEqualTo(302);
            assertThat(location(r)).as(path).isEqualTo("/support/sign-in");
        }
        Http.Response post = anonymous.postWithCsrf("/support/sign-in", "/support/companies/" + company + "/plan",
                Map.of("plan", "premium"));
        assertThat(location(post)).isEqualTo("/support/sign-in");
        assertThat(operator().call("GET", "/companies/" + company, null).json().path("plan").asString())
                .isEqualTo("standard");
        assertThat(anonymous.get("/support/sign-in").body()).contains("Operator token");
    }

    @Test
    void theOperatorTokenSignsInWithANewSessionIdEachTime() {
        WebClient web = supportTeam();
        String first = web.cookie("GATEHOUSE_SESSION");
        assertThat(first).isNotNull();
        assertThat(web.get("/support/companies").status()).isEqualTo(200);

        Http.Response again = web.postWithCsrf("/support/sign-in", "/support/sign-in",
                Map.of("token", OPERATOR_TOKEN));

        assertThat(again.status()).isEqualTo(302);
        String second = web.cookie("GATEHOUSE_SESSION");
        assertThat(second).isNotNull().isNotEqualTo(first);
        WebClient fixated = client();
        fixated.setCookie("GATEHOUSE_SESSION", first);
        assertThat(location(fixated.get("/support/companies"))).isEqualTo("/support/sign-in");
        assertThat(web.get("/support/companies").status()).isEqualTo(200);
    }

    @Test
    void aCompanySessionIsReplacedByANewIdWhenTheSupportTeamSignsIn() {
        WebClient web = signedInAdmin(companyWithAdmin("premium"));
        String companySession = web.cookie("GATEHOUSE_SESSION");

        web.postWithCsrf("/support/sign-in", "/support/sign-in", Map.of("token", OPERATOR_TOKEN));

        assertThat(web.cookie("GATEHOUSE_SESSION")).isNotNull().isNotEqualTo(companySession);
        assertThat(web.get("/support/companies").status()).isEqualTo(200);
    }

    @Test
    void aWrongTokenIsRefusedAndRepeatedAttemptsAreThrottled() {
        WebClient web = client();
        Http.Response wrong = web.postWithCsrf("/support/sign-in", "/support/sign-in",
                Map.of("token", OPERATOR_TOKEN + "x"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).contains("That is not the operator token.");
        assertThat(web.cookie("GATEHOUSE_SESSION")).isNull();

        for (int i = 1; i < SignInThrottle.MAX_FAILURES; i++) {
            assertThat(web.postWithCsrf("/support/sign-in", "/support/sign-in", Map.of("token", "guess" + i))
                    .status()).isEqualTo(401);
        }
        Http.Response throttled = web.postWithCsrf("/support/sign-in", "/support/sign-in",
                Map.of("token", OPERATOR_TOKEN));

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.body()).contains("Too many sign-in attempts");
        assertThat(web.cookie("GATEHOUSE_SESSION")).isNull();
    }

    @Test
    void aCompanyAdministratorsSessionIsRefused() {
        TestCompany company = companyWithAdmin("premium");
        WebClient admin = signedInAdmin(company);
        assertThat(admin.get("/console").status()).isEqualTo(200);

        for (String path : List.of("/support", "/support/companies", "/support/companies/" + company.id())) {
            Http.Response r = admin.get(path);
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.body()).contains("Support team only");
        }
        Http.Response post = admin.postWithCsrf("/console", "/support/companies/" + company.id() + "/tokens",
                Map.of());
        assertThat(post.status()).isEqualTo(403);
        assertThat(operator().call("GET", "/companies/" + company.id() + "/scim-tokens", null).json().size())
                .isZero();
    }

    @Test
    void aSupportSessionIsNotACompanySession() {
        WebClient support = supportTeam();

        Http.Response console = support.get("/console");
        assertThat(console.status()).isEqualTo(403); // refused with a page; the session stays (SupportSessionCoexistenceIT)
        assertThat(console.body()).contains("Support session");
        Http.Response app = supportTeam().get("/app");
        assertThat(app.status()).isEqualTo(403);
    }

    @Test
    void signingOutEndsTheSession() {
        WebClient support = supportTeam();
        String session = support.cookie("GATEHOUSE_SESSION");

        Http.Response out = support.postWithCsrf("/support/companies", "/support/sign-out", Map.of());

        assertThat(location(out)).isEqualTo("/support/sign-in?signedOut");
        WebClient stale = client();
        stale.setCookie("GATEHOUSE_SESSION", session);
        assertThat(location(stale.get("/support/companies"))).isEqualTo("/support/sign-in");
    }

    @Test
    void everySupportFormNeedsTheCsrfToken() {
        String company = operator().createCompany("Csrf " + System.nanoTime(), "standard");
        String token = operator().call("POST", "/companies/" + company + "/scim-tokens", null).json().path("id")
                .asString();
        WebClient support = supportTeam();
        String c = "/support/companies/" + company;
        Map<String, Map<String, String>> forms = Map.of(
                "/support/companies", Map.of("name", "Planted " + System.nanoTime(), "plan", "standard"),
                c + "/plan", Map.of("plan", "premium"),
                c + "/provisioning", Map.of("enabled", "false"),
                c + "/domains", Map.of("domain", "planted.test"),
                c + "/tokens", Map.of(),
                c + "/tokens/" + token + "/revoke", Map.of(),
                c + "/admins", Map.of("email", "planted@planted.test"),
                "/support/sign-out", Map.of());

        forms.forEach((path, fields) -> assertThat(support.post(path, fields).status()).as(path).isEqualTo(403));
        assertThat(client().post("/support/sign-in", Map.of("token", OPERATOR_TOKEN)).status()).isEqualTo(403);

        Http.Response after = operator().call("GET", "/companies/" + company, null);
        assertThat(after.json().path("plan").asString()).isEqualTo("standard");
        assertThat(after.json().path("provisioningEnabled").asBoolean()).isTrue();
        assertThat(operator().call("GET", "/companies/" + company + "/scim-tokens", null).json().size()).isEqualTo(1);
        assertThat(operator().call("GET", "/companies/" + company + "/email-domains", null).body())
                .doesNotContain("planted.test");
        assertThat(operator().call("GET", "/companies/" + company + "/admins", null).body())
                .doesNotContain("planted@");
        assertThat(support.get("/support/companies?q=Planted").body()).contains("No companies match");
        assertThat(support.get("/support/companies").status()).isEqualTo(200);
    }
}
