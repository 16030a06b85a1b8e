package io.gatehouse.saml;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.EntraBodies;
import io.gatehouse.support.Http;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The session after sign-in: stored in the database under "<company>:<user>", a new id at every sign-in,
 * ended by sign-out, and ended at once when the IdP deactivates or deletes the user over SCIM.
 */
class SessionLifecycleIT extends SamlIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void deactivationOverScimEndsTheUsersSessionsAndRefusesTheNextSignIn() {
        SsoCompany company = ssoCompany();
        String userId = company.scim().createUser("leaver@contoso.test");
        Browser laptop = browser();
        Browser phone = browser();
        signIn(laptop, company, "leaver@contoso.test");
        signIn(phone, company, "leaver@contoso.test");
        assertThat(laptop.get("/app").status()).isEqualTo(200);
        assertThat(sessionsOf(company, userId)).isEqualTo(2);

        Http.Response patch = company.scim().patch("/Users/" + userId,
                EntraBodies.patch("[{\"op\":\"Replace\",\"path\":\"active\",\"value\":false}]"));

        assertThat(patch.status()).isEqualTo(200);
        assertThat(sessionsOf(company, userId)).isZero();
        assertThat(laptop.get("/app").header("Location")).contains("/login");
        assertThat(phone.get("/app").status()).isEqualTo(302);
        Http.Response again = signIn(browser(), company, "leaver@contoso.test");
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.body()).contains("Your account is deactivated");
        assertThat(operator().call("GET", "/companies/" + company.id() + "/saml-log?limit=1", null).json().get(0)
                .path("outcome").asString()).isEqualTo("USER_DEACTIVATED");
    }

    @Test
    void deletionOverScimEndsTheUsersSessions() {
        SsoCompany company = ssoCompany();
        String userId = company.scim().createUser("deleted@contoso.test");
        Browser browser = browser();
        signIn(browser, company, "deleted@contoso.test");

        assertThat(company.scim().delete("/Users/" + userId).status()).isEqualTo(204);

        assertThat(sessionsOf(company, userId)).isZero();
        assertThat(browser.get("/app").status()).isEqualTo(302);
    }

    @Test
    void everySignInGetsANewSessionIdAndTheOldOneStopsWorking() {
        SsoCompany company = ssoCompany();
        company.scim().createUser("first@contoso.test");
        company.scim().createUser("second@contoso.test");
        Browser browser = browser();
        signIn(browser, company, "first@contoso.test");
        String before = browser.cookie("GATEHOUSE_SESSION");

        signIn(browser, company, "second@contoso.test");

        String after = browser.cookie("GATEHOUSE_SESSION");
        assertThat(after).isNotEqualTo(before);
        assertThat(browser.get("/app").body()).contains("second Example");
        Browser stale = browser();
        stale.setCookie("GATEHOUSE_SESSION", before);
        assertThat(stale.get("/app").status()).isEqualTo(302);
    }

    @Test
    void signOutNeedsTheCsrfTokenAndEndsTheSession() {
        SsoCompany company = ssoCompany();
        String userId = company.scim().createUser("bye@contoso.test");
        Browser browser = browser();
        signIn(browser, company, "bye@contoso.test");
        Http.Response landing = browser.get("/app");

        Http.Response forged = browser.postForm("/logout", Map.of());
        assertThat(forged.status()).isEqualTo(403);
        assertThat(browser.get("/app").status()).isEqualTo(200);

        Http.Response out = browser.postForm("/logout", Map.of("_csrf", Browser.csrfToken(landing)));

        assertThat(out.status()).isEqualTo(302);
        assertThat(out.header("Location")).contains("/login?signedOut");
        assertThat(sessionsOf(company, userId)).isZero();
        assertThat(browser.get("/app").status()).isEqualTo(302);
    }

    @Test
    void theSignedInAreaSendsStrangersToTheLoginPageAndBack() {
        Http.Response r = browser().get("/app");

        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).endsWith("/login?target=%2Fapp");
    }

    private long sessionsOf(SsoCompany company, String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?")
                .param(company.id() + ":" + userId).query(Long.class).single();
    }
}
