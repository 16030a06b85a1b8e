package io.gatehouse.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.application.ProductApplications;
import io.gatehouse.support.Applications;
import io.gatehouse.support.Applications.TestApplication;
import io.gatehouse.support.Http;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The support console's product application pages, each action checked against what the operator API then
 * reports; secrets and keys are shown once, on the page the issuing action redirects to (post/redirect/get).
 */
class SupportApplicationsIT extends SupportConsoleTest {

    private static final Pattern NEW_SECRET = Pattern.compile("id=\"new-secret\">([^<]+)<");
    private static final Pattern NEW_KEY = Pattern.compile("id=\"new-key\">([^<]+)<");
    private static final Pattern APPLICATION_ID = Pattern.compile("id=\"application-id\">([^<]+)<");
    private static final String CALLBACK = "https://product.example.com/callback";

    @Autowired
    ProductApplications applications;

    private Applications apps() {
        return new Applications(http());
    }

    private static Http.Response onApp(WebClient support, String applicationId, String action,
                                     Map<String, String> fields) {
        String page = "/support/applications/" + applicationId;
        return support.postWithCsrf(page, page + action, fields);
    }

    private JsonNode api(String applicationId) {
        return operator().call("GET", "/applications/" + applicationId, null).json();
    }

    private static String shown(Pattern pattern, Http.Response page) {
        Matcher m = pattern.matcher(page.body());
        assertThat(m.find()).as("shown on the answer").isTrue();
        return m.group(1);
    }

    @Test
    void registersAnApplicationAndShowsItsClientSecretOnceAfterTheRedirect() {
        WebClient support = supportTeam();
        String name = "Console app " + System.nanoTime();

        Http.Response posted = support.postWithCsrf("/support/applications", "/support/applications", Map.of(
                "name", name, "clientType", "confidential",
                "redirectUris", CALLBACK + "\r\n\r\n  https://product.example.com/other  \r\n",
                "postLogoutRedirectUris", "https://product.example.com/bye", "backChannelLogoutUri", ""));

        assertThat(location(posted)).startsWith("/support/applications/");
        Http.Response registered = seeOther(support, posted, location(posted));
        String secret = shown(NEW_SECRET, registered);
        String id = shown(APPLICATION_ID, registered);
        assertThat(location(posted)).isEqualTo("/support/applications/" + id);
        assertThat(registered.body()).contains("Application " + name + " registered.");
        JsonNode app = api(id);
        assertThat(app.path("name").asString()).isEqualTo(name);
        assertThat(app.path("redirectUris").toString())
                .isEqualTo("[\"" + CALLBACK + "\",\"https://product.example.com/other\"]");
        assertThat(app.path("defaultRedirectUri").asString()).isEqualTo(CALLBACK);
        assertThat(app.path("servesAllCompanies").asBoolean()).isFalse();
        assertThat(applications.verifySecret(app.path("clientId").asString(), secret)).isTrue();

        String page = support.get("/support/applications/" + id).body();
        assertThat(page).doesNotContain(secret).contains(secret.substring(0, 22)).contains(app.path("clientId")
                .asString()).contains("APPLICATION_CREATED");
        assertThat(support.get("/support/applications").body()).contains(name).doesNotContain(secret);
    }

    @Test
    void registeringAPublicClientRedirectsToItsPageWithoutASecret() {
        WebClient support = supportTeam();
        String name = "Public app " + System.nanoTime();

        Http.Response posted = support.postWithCsrf("/support/applications", "/support/applications", Map.of(
                "name", name, "clientType", "public", "redirectUris", CALLBACK));

        Http.Response page = seeOther(support, posted, location(posted));
        assertThat(page.body()).contains("Application " + name + " registered.").contains("id=\"public-client\"")
                .doesNotContain("id=\"new-secret\"");
    }

    @Test
    void refusesARegistrationWithAnInsecureRedirectUriAndRegistersNothing() {
        WebClient support = supportTeam();
        String name = "Refused " + System.nanoTime();

        Http.Response refused = support.postWithCsrf("/support/applications", "/support/applications", Map.of(
                "name", name, "clientType", "confidential", "redirectUris", "http://product.example.com/callback"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("redirectUris[0] must use https");
        assertThat(support.get("/support/applications").body()).doesNotContain(name);
        assertThat(operator().call("GET", "/applications", null).body()).doesNotContain(name);
    }

    @Test
    void savesSettingsWithTheFirstRedirectUriAsDefault() {
        TestApplication app = apps().register("{\"name\":\"Settings\",\"clientType\":\"public\","
                + "\"redirectUris\":[\"" + CALLBACK + "\"]}");
        WebClient support = supportTeam();

        Http.Response saved = onApp(support, app.id(), "/settings", Map.of("name", "Renamed",
                "redirectUris", "http://127.0.0.1:8080/cb\n" + CALLBACK, "postLogoutRedirectUris", "",
                "backChannelLogoutUri", "https://product.example.com/bc"));

        assertThat(saved.status()).isEqualTo(302);
        JsonNode after = api(app.id());
        assertThat(after.path("name").asString()).isEqualTo("Renamed");
        assertThat(after.path("defaultRedirectUri").asString()).isEqualTo("http://127.0.0.1:8080/cb");
        assertThat(after.path("backChannelLogoutUri").asString()).isEqualTo("https://product.example.com/bc");
        assertThat(support.get("/support/applications/" + app.id()).body()).contains("Settings saved.")
                .contains("id=\"public-client\"");

        Http.Response bad = onApp(support, app.id(), "/settings", Map.of("name", "Bad",
                "redirectUris", CALLBACK + "#fragment"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(api(app.id()).path("name").asString()).isEqualTo("Renamed");
    }

    @Test
    void setsShowsRefusesAndClearsTheInitiateLoginUri() {
        WebClient support = supportTeam();
        String initiate = "https://product.example.com/login/initiate";
        Http.Response posted = support.postWithCsrf("/support/applications", "/support/applications", Map.of(
                "name", "Initiating " + System.nanoTime(), "clientType", "public", "redirectUris", CALLBACK,
                "initiateLoginUri", initiate));
        String id = location(posted).substring("/support/applications/".length());
        assertThat(api(id).path("initiateLoginUri").asString()).isEqualTo(initiate);
        assertThat(seeOther(support, posted, location(posted)).body())
                .contains("name=\"initiateLoginUri\" type=\"url\" value=\"" + initiate + "\"");

        Http.Response refused = onApp(support, id, "/settings", Map.of("name", "Initiating",
                "redirectUris", CALLBACK, "initiateLoginUri", "http://product.example.com/login/initiate"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("initiateLoginUri must use https")
                .contains("id=\"error-field\">Field: <code>initiateLoginUri</code>");
        assertThat(api(id).path("initiateLoginUri").asString()).isEqualTo(initiate);

        Http.Response changed = onApp(support, id, "/settings", Map.of("name", "Initiating",
                "redirectUris", CALLBACK, "initiateLoginUri", "  http://127.0.0.1:8081/login/initiate "));
        assertThat(changed.status()).isEqualTo(302);
        assertThat(api(id).path("initiateLoginUri").asString()).isEqualTo("http://127.0.0.1:8081/login/initiate");

        Http.Response cleared = onApp(support, id, "/settings", Map.of("name", "Initiating",
                "redirectUris", CALLBACK, "initiateLoginUri", ""));
        assertThat(cleared.status()).isEqualTo(302);
        JsonNode none = api(id).path("initiateLoginUri");
        assertThat(none.isNull() || none.isMissingNode()).as("no initiate login URI: " + none).isTrue();
        assertThat(support.get("/support/applications/" + id).body()).contains("Settings saved.")
                .contains("name=\"initiateLoginUri\" type=\"url\" value=\"\">")
                .contains("initiate login URI: none");

        Http.Response badRegistration = support.postWithCsrf("/support/applications", "/support/applications",
                Map.of("name", "Refused initiate " + System.nanoTime(), "clientType", "public",
                        "redirectUris", CALLBACK, "initiateLoginUri", "not a uri"));
        assertThat(badRegistration.status()).isEqualTo(400);
        assertThat(badRegistration.body()).contains("<code>initiateLoginUri</code>");
    }

    @Test
    void rotatesTheClientSecretAndRevokesTheOldOne() {
        TestApplication app = apps().serving();
        WebClient support = supportTeam();

        Http.Response posted = onApp(support, app.id(), "/secrets", Map.of());
        String stored = storedFlashAttributes();
        Http.Response issued = seeOther(support, posted, "/support/applications/" + app.id());

        String second = shown(NEW_SECRET, issued);
        assertThat(stored).contains("issuedSecret").doesNotContain(second);
        assertThat(support.get("/support/applications/" + app.id()).body()).as("reloaded")
                .doesNotContain(second).doesNotContain("id=\"new-secret\"");
        assertThat(operator().call("GET", "/applications/" + app.id() + "/client-secrets", null).json().size())
                .as("the reload issued none").isEqualTo(2);
        assertThat(applications.verifySecret(app.clientId(), second)).isTrue();
        assertThat(applications.verifySecret(app.clientId(), app.clientSecret())).isTrue();
        assertThat(onApp(support, app.id(), "/secrets", Map.of()).status()).isEqualTo(409);

        String oldId = operator().call("GET", "/applications/" + app.id() + "/client-secrets", null).json().get(0)
                .path("id").asString();
        assertThat(onApp(support, app.id(), "/secrets/" + oldId + "/revoke", Map.of()).status()).isEqualTo(302);

        assertThat(applications.verifySecret(app.clientId(), app.clientSecret())).isFalse();
        assertThat(applications.verifySecret(app.clientId(), second)).isTrue();
        String page = support.get("/support/applications/" + app.id()).body();
        assertThat(page).contains("Client secret revoked.").contains("Revoked").doesNotContain(second);
    }

    @Test
    void issuesAnApiKeyShownOnceThatWorksAndRevokesIt() {
        String company = operator().createCompany("Key company " + System.nanoTime(), "standard");
        TestApplication app = apps().serving(company);
        WebClient support = supportTeam();

        Http.Response issued = seeOther(support, onApp(support, app.id(), "/keys", Map.of("label", "reporting")),
                "/support/applications/" + app.id());

        String key = shown(NEW_KEY, issued);
        assertThat(apps().api(key, "/companies/" + company).status()).isEqualTo(200);
        assertThat(support.get("/support/applications/" + app.id()).body()).doesNotContain(key)
                .contains(key.substring(0, 23)).contains("reporting");
        String keyId = operator().call("GET", "/applications/" + app.id() + "/api-keys", null).json().get(0)
                .path("id").asString();

        assertThat(onApp(support, app.id(), "/keys/" + keyId + "/revoke", Map.of()).status()).isEqualTo(302);

        assertThat(apps().api(key, "/companies/" + company).status()).isEqualTo(401);
    }

    @Test
    void addsAndRemovesServedCompaniesAndSwitchesToAllCompanies() {
        String company = operator().createCompany("Served " + System.nanoTime(), "standard");
        TestApplication app = apps().serving();
        WebClient support = supportTeam();
        assertThat(support.get("/support/applications/" + app.id()).body()).contains("no-served-companies");

        assertThat(onApp(support, app.id(), "/companies", Map.of("companyId", company)).status()).isEqualTo(302);
        assertThat(api(app.id()).path("companyIds").toString()).isEqualTo("[\"" + company + "\"]");
        assertThat(support.get("/support/applications/" + app.id()).body()).contains("data-company=\"" + company);

        assertThat(onApp(support, app.id(), "/companies/" + company + "/remove", Map.of()).status()).isEqualTo(302);
        assertThat(api(app.id()).path("companyIds").size()).isZero();
        assertThat(onApp(support, app.id(), "/companies", Map.of("companyId", UUID.randomUUID().toString())).status())
                .isEqualTo(404);

        assertThat(onApp(support, app.id(), "/companies/scope", Map.of("all", "true")).status()).isEqualTo(302);
        assertThat(api(app.id()).path("servesAllCompanies").asBoolean()).isTrue();
        assertThat(support.get("/support/applications/" + app.id()).body()).contains("All companies, including");
        assertThat(onApp(support, app.id(), "/companies/" + company + "/remove", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void disablesAndEnablesAnApplication() {
        TestApplication app = apps().servingAllCompanies();
        String key = apps().issueKey(app.id());
        WebClient support = supportTeam();

        assertThat(onApp(support, app.id(), "/enabled", Map.of("enabled", "false")).status()).isEqualTo(302);
        assertThat(apps().api(key, "/companies").status()).isEqualTo(401);
        assertThat(applications.verifySecret(app.clientId(), app.clientSecret())).isFalse();
        assertThat(support.get("/support/applications").body()).contains("Disabled");

        assertThat(onApp(support, app.id(), "/enabled", Map.of("enabled", "true")).status()).isEqualTo(302);
        assertThat(apps().api(key, "/companies").status()).isEqualTo(200);
    }

    @Test
    void deletesAnApplicationOnlyWhenConfirmed() {
        TestApplication app = apps().servingAllCompanies();
        WebClient support = supportTeam();

        assertThat(onApp(support, app.id(), "/delete", Map.of()).status()).isEqualTo(400);
        assertThat(api(app.id()).path("id").asString()).isEqualTo(app.id());

        Http.Response deleted = onApp(support, app.id(), "/delete", Map.of("confirm", "yes"));

        assertThat(deleted.status()).isEqualTo(302);
        assertThat(location(deleted)).isEqualTo("/support/applications");
        assertThat(operator().call("GET", "/applications/" + app.id(), null).status()).isEqualTo(404);
        assertThat(support.get("/support/applications/" + app.id()).status()).isEqualTo(404);
    }

    @Test
    void aSecretOrKeyOfAnotherApplicationCannotBeRevokedThroughThisOnesPage() {
        TestApplication mine = apps().servingAllCompanies();
        TestApplication theirs = apps().servingAllCompanies();
        String theirKey = apps().issueKey(theirs.id());
        String theirKeyId = operator().call("GET", "/applications/" + theirs.id() + "/api-keys", null).json().get(0)
                .path("id").asString();
        String theirSecretId = operator().call("GET", "/applications/" + theirs.id() + "/client-secrets", null)
                .json().get(0).path("id").asString();
        WebClient support = supportTeam();

        assertThat(onApp(support, mine.id(), "/keys/" + theirKeyId + "/revoke", Map.of()).status()).isEqualTo(404);
        assertThat(onApp(support, mine.id(), "/secrets/" + theirSecretId + "/revoke", Map.of()).status())
                .isEqualTo(404);

        assertThat(apps().api(theirKey, "/companies").status()).isEqualTo(200);
        assertThat(applications.verifySecret(theirs.clientId(), theirs.clientSecret())).isTrue();
        assertThat(support.get("/support/applications/not-an-id").status()).isEqualTo(404);
    }

    @Test
    void theApplicationPagesNeedTheSupportTeamsSessionAndCsrfToken() {
        TestApplication app = apps().servingAllCompanies();
        WebClient anonymous = client();
        Http.Response page = anonymous.get("/support/applications/" + app.id());
        assertThat(page.status()).isEqualTo(302);
        assertThat(location(page)).isEqualTo("/support/sign-in");

        WebClient support = supportTeam();
        support.get("/support/applications/" + app.id());
        Http.Response withoutCsrf = support.post("/support/applications/" + app.id() + "/keys", Map.of());
        assertThat(withoutCsrf.status()).isEqualTo(403);
        assertThat(operator().call("GET", "/applications/" + app.id() + "/api-keys", null).json().size()).isZero();
    }
}
