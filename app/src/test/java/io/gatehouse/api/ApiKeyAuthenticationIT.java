package io.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Applications;
import io.gatehouse.support.Applications.TestApplication;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The product API's front door: application API keys, and refusals as RFC 9457 problem+json. */
class ApiKeyAuthenticationIT extends IntegrationTest {

    private Applications apps() {
        return new Applications(http());
    }

    private Http.Response operatorCall(String method, String path, String body) {
        return operator().call(method, "/applications" + path, body);
    }

    private static void assertUnauthorizedProblem(Http.Response r) {
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer realm=\"gatehouse-api\"");
        JsonNode problem = r.json();
        assertThat(problem.path("type").asString()).isEqualTo("about:blank");
        assertThat(problem.path("title").asString()).isEqualTo("Unauthorized");
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/companies");
    }

    @Test
    void withoutAKeyTheAnswerIsA401Problem() {
        Http.Response none = http().send("GET", "/api/v1/companies", null, null, Map.of());
        Http.Response basic = http().send("GET", "/api/v1/companies", null, null,
                Map.of("Authorization", "Basic dXNlcjpwYXNz"));

        assertUnauthorizedProblem(none);
        assertUnauthorizedProblem(basic);
        assertThat(none.header("WWW-Authenticate")).doesNotContain("invalid_token");
    }

    @Test
    void aWrongKeyIsA401ProblemWhateverItLooksLike() {
        TestApplication app = apps().servingAllCompanies();
        String key = apps().issueKey(app.id());
        String scimToken = operator().issueScimToken(operator().createCompany("Wrong " + System.nanoTime(),
                "standard"));

        for (String wrong : new String[] {key.substring(0, 24) + "x".repeat(43), key + "x", "gh_key_nonsense",
                "not-a-key", scimToken, OPERATOR_TOKEN, app.clientSecret(), "x".repeat(5000)}) {
            Http.Response r = apps().api(wrong, "/companies");
            assertUnauthorizedProblem(r);
            assertThat(r.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
            assertThat(r.body()).doesNotContain(wrong.substring(0, Math.min(wrong.length(), 20)));
        }
        assertThat(apps().api(key, "/companies").status()).isEqualTo(200);
    }

    @Test
    void aRevokedKeyFailsWithTheVeryNextRequest() {
        TestApplication app = apps().servingAllCompanies();
        String key = apps().issueKey(app.id());
        assertThat(apps().api(key, "/companies").status()).isEqualTo(200);
        String keyId = operatorCall("GET", "/" + app.id() + "/api-keys", null).json().get(0).path("id").asString();

        assertThat(operatorCall("DELETE", "/" + app.id() + "/api-keys/" + keyId, null).status()).isEqualTo(204);

        assertUnauthorizedProblem(apps().api(key, "/companies"));
    }

    @Test
    void severalKeysWorkAtOnceSoThatTheyCanBeRotated() {
        TestApplication app = apps().servingAllCompanies();
        String first = apps().issueKey(app.id());
        String second = apps().issueKey(app.id());

        assertThat(apps().api(first, "/companies").status()).isEqualTo(200);
        assertThat(apps().api(second, "/companies").status()).isEqualTo(200);
        String firstId = operatorCall("GET", "/" + app.id() + "/api-keys", null).json().get(0).path("id").asString();
        operatorCall("DELETE", "/" + app.id() + "/api-keys/" + firstId, null);
        assertThat(apps().api(first, "/companies").status()).isEqualTo(401);
        assertThat(apps().api(second, "/companies").status()).isEqualTo(200);
    }

    @Test
    void disablingTheApplicationStopsItsKeysAtOnceAndEnablingItRestoresThem() {
        TestApplication app = apps().servingAllCompanies();
        String key = apps().issueKey(app.id());

        assertThat(operatorCall("PATCH", "/" + app.id(), "{\"enabled\":false}").status()).isEqualTo(200);
        assertUnauthorizedProblem(apps().api(key, "/companies"));

        assertThat(operatorCall("PATCH", "/" + app.id(), "{\"enabled\":true}").status()).isEqualTo(200);
        assertThat(apps().api(key, "/companies").status()).isEqualTo(200);
        assertThat(operatorCall("GET", "/" + app.id() + "/audit-log", null).body()).contains("APPLICATION_DISABLED")
                .contains("APPLICATION_ENABLED");
    }

    @Test
    void recordsWhenAKeyWasLastUsed() {
        TestApplication app = apps().servingAllCompanies();
        String key = apps().issueKey(app.id());
        assertThat(operatorCall("GET", "/" + app.id() + "/api-keys", null).json().get(0).path("lastUsedAt").isNull())
                .isTrue();

        apps().api(key, "/companies");

        assertThat(operatorCall("GET", "/" + app.id() + "/api-keys", null).json().get(0).path("lastUsedAt").asString())
                .isNotBlank();
    }

    @Test
    void unknownRoutesAndMethodsAreProblemsToo() {
        String key = apps().issueKey(apps().servingAllCompanies().id());

        Http.Response route = apps().api(key, "/nothing-here");
        Http.Response method = http().send("DELETE", "/api/v1/companies", key, null, Map.of());

        for (Http.Response r : new Http.Response[] {route, method}) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().path("status").asInt()).isEqualTo(404);
        }
        assertThat(route.json().path("instance").asString()).isEqualTo("/api/v1/nothing-here");
    }
}
