package io.gatehouse.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Applications;
import io.gatehouse.support.FormBrowser;
import io.gatehouse.support.Http;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of the authorization code flow, each refused in OAuth's own error format and never with a 5xx. */
class ProviderRulesIT extends ProviderIntegrationTest {

    private static Map<String, String> request(String clientId, String companyId, Pkce pkce) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("response_type", "code");
        p.put("client_id", clientId);
        p.put("redirect_uri", REDIRECT);
        p.put("scope", SCOPES);
        p.put("state", "xyz");
        p.put("code_challenge", pkce.challenge());
        p.put("code_challenge_method", "S256");
        p.put("organization", companyId);
        return p;
    }

    @Test
    void redirectUriMustMatchExactly() {
        SamlCompany company = samlCompany();
        Applications.TestApplication app = application(company.id());
        for (String near : new String[] {REDIRECT + "/", REDIRECT + "?x=1", REDIRECT.toUpperCase(),
                "https://product.example.com/callback/../callback", "https://evil.example.com/callback"}) {
            Map<String, String> p = request(app.clientId(), company.id(), pkce());
            p.put("redirect_uri", near);
            Http.Response r = new FormBrowser(http().base()).get(authorize(p));
            assertThat(r.status()).as(near).isEqualTo(400);
            assertThat(r.header("Location")).as(near).isNull();
            assertThat(r.json().path("error").asString()).as(near).isEqualTo("invalid_request");
        }
    }

    @Test
    void codeIsSingleUseAndBoundToThePkceVerifier() {
        SamlCompany company = samlCompany();
        company.scim().createUser("pkce@contoso.test");
        Applications.TestApplication app = application(company.id());
        Pkce pkce = pkce();
        String code = code(new FormBrowser(http().base()), company, "pkce@contoso.test", app.clientId(), pkce);

        Http.Response wrongVerifier = exchange(app, code, pkce().verifier());
        assertThat(wrongVerifier.status()).isEqualTo(400);
        assertThat(wrongVerifier.json().path("error").asString()).isEqualTo("invalid_grant");
        Http.Response noVerifier = exchange(app, code, null);
        assertThat(noVerifier.status()).isEqualTo(400);
        assertThat(noVerifier.json().path("error").asString()).isEqualTo("invalid_grant");

        Http.Response first = exchange(app, code, pkce.verifier());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        Http.Response replayed = exchange(app, code, pkce.verifier());
        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.json().path("error").asString()).isEqualTo("invalid_grant");
        // A replayed code revokes what it yielded (RFC 6749 §4.1.2): the refresh token no longer works.
        Http.Response refresh = refresh(app, first.json().path("refresh_token").asString());
        assertThat(refresh.status()).isEqualTo(400);
        assertThat(refresh.json().path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void missingPkceOrPlainMethodIsRefused() {
        SamlCompany company = samlCompany();
        Applications.TestApplication app = application(company.id());
        Map<String, String> missing = request(app.clientId(), company.id(), pkce());
        missing.remove("code_challenge");
        missing.remove("code_challenge_method");
        Map<String, String> plain = request(app.clientId(), company.id(), pkce());
        plain.put("code_challenge_method", "plain");
        for (Map<String, String> p : java.util.List.of(missing, plain)) {
            Http.Response r = new FormBrowser(http().base()).get(authorize(p));
            assertThat(r.status()).isEqualTo(302);
            Map<String, String> back = query(r.header("Location"));
            assertThat(r.header("Location")).startsWith(REDIRECT + "?");
            assertThat(back).containsEntry("error", "invalid_request").containsEntry("state", "xyz")
                    .doesNotContainKey("code");
        }
    }

    @Test
    void aCodeOfCompanyACannotBeRedeemedIntoATokenWhoseOrgIdIsB() {
        SamlCompany a = samlCompany();
        SamlCompany b = samlCompany();
        String inA = a.scim().createUser("both@contoso.test");
        String inB = b.scim().createUser("both@contoso.test");
        Applications.TestApplication app = application(a.id(), b.id());
        FormBrowser browser = new FormBrowser(http().base());
        Pkce pkceA = pkce();
        String codeA = code(browser, a, "both@contoso.test", app.clientId(), pkceA);

        // Signed in to A, the application asks for B: no code from A's session, B's own sign-in instead.
        Http.Response askB = browser.get(authorize(app.clientId(), b.id(), pkce()));
        assertThat(askB.status()).isEqualTo(302);
        assertThat(askB.header("Location")).contains("/saml/" + b.id() + "/login").doesNotStartWith(REDIRECT);

        Http.Response tokensA = exchange(app, codeA, pkceA.verifier());
        assertThat(claims(tokensA.json().path("id_token").asString()).path("org_id").asString()).isEqualTo(a.id());
        assertThat(claims(tokensA.json().path("id_token").asString()).path("sub").asString()).isEqualTo(inA);
        assertThat(claims(tokensA.json().path("access_token").asString()).path("org_id").asString())
                .isEqualTo(a.id());

        Pkce pkceB = pkce();
        String codeB = code(browser, b, "both@contoso.test", app.clientId(), pkceB);
        Http.Response tokensB = exchange(app, codeB, pkceB.verifier());
        assertThat(claims(tokensB.json().path("id_token").asString()).path("org_id").asString()).isEqualTo(b.id());
        assertThat(claims(tokensB.json().path("id_token").asString()).path("sub").asString()).isEqualTo(inB);
    }

    @Test
    void anApplicationThatDoesNotServeTheCompanyGetsNoCodeForIt() {
        SamlCompany served = samlCompany();
        SamlCompany other = samlCompany();
        Applications.TestApplication app = application(served.id());
        Http.Response r = new FormBrowser(http().base()).get(authorize(app.clientId(), other.id(), pkce()));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.header("Location")).isNull();
        assertThat(r.body()).contains("not available for your organization");
    }

    @Test
    void unknownClientIsRefusedWithOAuthErrorJson() {
        SamlCompany company = samlCompany();
        Http.Response authorize = new FormBrowser(http().base()).get(authorize("gh_app_doesnotexist00", company.id(),
                pkce()));
        assertThat(authorize.status()).isEqualTo(400);
        assertThat(authorize.json().path("error").asString()).isEqualTo("invalid_request");
        assertThat(authorize.header("Location")).isNull();

        Applications.TestApplication ghost = new Applications.TestApplication("x", "gh_app_doesnotexist00",
                "gh_cs_notasecret");
        Http.Response token = exchange(ghost, "whatever", "verifier");
        assertThat(token.status()).isEqualTo(401);
        assertThat(token.json().path("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void aWrongClientSecretIsInvalidClient() {
        SamlCompany company = samlCompany();
        Applications.TestApplication app = application(company.id());
        Applications.TestApplication wrong = new Applications.TestApplication(app.id(), app.clientId(),
                app.clientSecret().substring(0, app.clientSecret().length() - 2) + "xx");
        Http.Response token = exchange(wrong, "whatever", "verifier");
        assertThat(token.status()).isEqualTo(401);
        assertThat(token.json().path("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void badInputGetsOAuthErrorJsonNeverA5xx() {
        SamlCompany company = samlCompany();
        Applications.TestApplication app = application(company.id());
        FormBrowser browser = new FormBrowser(http().base());
        Http.Response[] answers = {
                tokenRequest(app, Map.of()),
                tokenRequest(app, Map.of("grant_type", "password", "username", "a", "password", "b")),
                tokenRequest(app, Map.of("grant_type", "authorization_code", "code", "x".repeat(5000))),
                tokenRequest(app, Map.of("grant_type", "refresh_token", "refresh_token", "nope")),
                tokenRequest(null, Map.of("grant_type", "authorization_code", "code", "x")),
                browser.get("/oauth2/authorize"),
                browser.get("/oauth2/authorize?response_type=token&client_id=" + app.clientId()),
                browser.get("/oauth2/authorize?client_id=" + app.clientId() + "&client_id=again"),
                userinfo("not-a-token"),
                introspect(null, "x"),
                post("/oauth2/revoke", app, Map.of("token", "unknown")),
        };
        for (Http.Response r : answers) {
            assertThat(r.status()).as(r.toString()).isBetween(200, 499);
        }
        assertThat(answers[0].json().path("error").asString()).isEqualTo("invalid_request");
        assertThat(answers[1].json().path("error").asString()).isEqualTo("unsupported_grant_type");
        assertThat(answers[2].json().path("error").asString()).isEqualTo("invalid_grant");
        assertThat(answers[3].json().path("error").asString()).isEqualTo("invalid_grant");
        assertThat(answers[4].status()).isEqualTo(401);
        assertThat(answers[4].json().path("error").asString()).isEqualTo("invalid_client");
        assertThat(answers[9].json().path("error").asString()).isEqualTo("invalid_client");
        assertThat(answers[5].json().path("error").asString()).isEqualTo("invalid_request");
        assertThat(answers[8].status()).isEqualTo(401);
        assertThat(answers[9].status()).isEqualTo(401);
        assertThat(answers[10].status()).isEqualTo(200);
    }

    @Test
    void withoutACompanyThePersonIsAskedForTheirWorkEmailAndContinuesToTheirCompany() {
        SamlCompany company = samlCompany();
        String domain = "d" + System.nanoTime() + ".test";
        assertThat(operator().call("PUT", "/companies/" + company.id() + "/email-domains",
                "{\"domains\":[\"" + domain + "\"]}").status()).isEqualTo(200);
        Applications.TestApplication app = application(company.id());
        FormBrowser browser = new FormBrowser(http().base());

        Http.Response ask = browser.get(authorize(app.clientId(), null, pkce()));
        assertThat(ask.status()).isEqualTo(302);
        assertThat(ask.header("Location")).contains("/oauth2/sign-in?continue=");
        Http.Response page = browser.get(ask.header("Location"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Work email");

        Http.Response unknown = browser.get(ask.header("Location") + "&email=someone%40unknown.test");
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body()).contains("could not find your organization");

        Http.Response resumed = browser.get(ask.header("Location") + "&email=bob%40" + domain);
        assertThat(resumed.status()).isEqualTo(302);
        assertThat(resumed.header("Location")).contains("/oauth2/authorize?").contains("login_hint=bob%40" + domain);
        Http.Response toSaml = browser.get(resumed.header("Location"));
        assertThat(toSaml.header("Location")).contains("/saml/" + company.id() + "/login");

        Http.Response foreign = browser.get("/oauth2/sign-in?continue=https%3A%2F%2Fevil.example.com%2F&email=a%40b.c");
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.header("Location")).isNull();
    }
}
