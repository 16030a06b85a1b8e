package io.gatehouse.saml;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /login: the work email's domain finds the company, whose IdP then signs the person in. */
class LoginPageIT extends SamlIntegrationTest {

    @Test
    void showsTheEmailFormWithoutCreatingASession() {
        Browser browser = browser();

        Http.Response page = browser.get("/login");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Work email").contains("name=\"_csrf\"")
                .contains("action=\"/login/password\"");
        assertThat(browser.cookie("GATEHOUSE_SESSION")).isNull();
        assertThat(browser.cookie("XSRF-TOKEN")).isNotBlank();
    }

    @Test
    void emailOfARegisteredDomainGoesToThatCompanysSignIn() {
        SsoCompany company = ssoCompany();
        String domain = "d" + System.nanoTime() + ".example";
        assertThat(operator().call("PUT", "/companies/" + company.id() + "/email-domains",
                "{\"domains\":[\"" + domain + "\"]}").status()).isEqualTo(200);
        Browser browser = browser();
        Http.Response page = browser.get("/login?target=/app/spaces");

        Http.Response next = browser.postForm("/login", Map.of("_csrf", Browser.csrfToken(page),
                "email", "Alice@" + domain.toUpperCase(), "target", "/app/spaces"));

        assertThat(next.status()).isEqualTo(302);
        assertThat(next.header("Location")).endsWith(company.login() + "?target=%2Fapp%2Fspaces");
        Http.Response start = browser.get(company.login() + "?target=%2Fapp%2Fspaces");
        assertThat(start.header("Location")).startsWith(EntraLikeIdp.SSO_URL);
    }

    @Test
    void unknownDomainAndCompanyWithoutSsoGetTheSameMessage() {
        String noSso = operator().createCompany("Domain only", "standard");
        String domain = "nosso" + System.nanoTime() + ".example";
        operator().call("PUT", "/companies/" + noSso + "/email-domains", "{\"domains\":[\"" + domain + "\"]}");
        Browser browser = browser();
        String csrf = Browser.csrfToken(browser.get("/login"));

        Http.Response unknown = browser.postForm("/login", Map.of("_csrf", csrf, "email", "x@unknown.example"));
        Http.Response withoutSso = browser.postForm("/login", Map.of("_csrf", csrf, "email", "x@" + domain));

        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body()).contains("Single sign-on is not available");
        assertThat(withoutSso.body()).contains("Single sign-on is not available");
    }

    @Test
    void postingTheFormWithoutTheCsrfTokenIsRefused() {
        Http.Response r = browser().postForm("/login", Map.of("email", "x@example.com"));

        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void somethingThatIsNotAnEmailIsAskedAgain() {
        Browser browser = browser();
        String csrf = Browser.csrfToken(browser.get("/login"));

        Http.Response r = browser.postForm("/login", Map.of("_csrf", csrf, "email", "alice"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("Enter your work email address");
    }
}
