package io.gatehouse.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.application.ProductApplications;
import io.gatehouse.credentials.TokenCodec;
import io.gatehouse.support.Applications;
import io.gatehouse.support.Applications.TestApplication;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Product applications through the operator API: registration, client secrets, redirect URIs, companies, keys. */
class OperatorApplicationsIT extends IntegrationTest {

    private static final String CALLBACK = "https://product.example.com/callback";

    @Autowired
    ProductApplications applications;

    @Autowired
    JdbcClient jdbc;

    private Applications apps() {
        return new Applications(http());
    }

    private Http.Response call(String method, String path, String body) {
        return operator().call(method, "/applications" + path, body);
    }

    private static String confidential(String name, String redirects) {
        return "{\"name\":\"" + name + "\",\"clientType\":\"confidential\",\"redirectUris\":" + redirects + "}";
    }

    @Test
    void registersAConfidentialApplicationAndShowsItsClientSecretOnlyOnce() {
        Http.Response created = call("POST", "", """
                {"name":"Acme Cloud (production)","clientType":"confidential",
                 "redirectUris":["https://app.acme.example/callback","https://app.acme.example/other"],
                 "defaultRedirectUri":"https://app.acme.example/other",
                 "postLogoutRedirectUris":["https://app.acme.example/signed-out"],
                 "backChannelLogoutUri":"https://app.acme.example/backchannel-logout"}
                """);

        assertThat(created.status()).isEqualTo(201);
        JsonNode app = created.json();
        String id = app.path("id").asString();
        assertThat(created.header("Location")).isEqualTo("/operator/v1/applications/" + id);
        assertThat(app.path("clientId").asString()).matches("gh_app_[A-Za-z0-9]{16}");
        assertThat(app.path("clientType").asString()).isEqualTo("confidential");
        assertThat(app.path("enabled").asBoolean()).isTrue();
        assertThat(app.path("defaultRedirectUri").asString()).isEqualTo("https://app.acme.example/other");
        assertThat(app.path("servesAllCompanies").asBoolean()).isFalse();
        assertThat(app.path("companyIds").size()).isZero();
        String secret = app.path("clientSecret").path("secret").asString();
        assertThat(secret).startsWith("gh_cs_").hasSize(6 + 16 + 1 + 43);
        assertThat(app.path("clientSecret").path("prefix").asString()).isEqualTo(secret.substring(0, 22));
        assertThat(applications.verifySecret(app.path("clientId").asString(), secret)).isTrue();

        String shownLater = call("GET", "/" + id, null).body() + call("GET", "", null).body()
                + call("GET", "/" + id + "/client-secrets", null).body()
                + call("GET", "/" + id + "/audit-log", null).body();
        assertThat(shownLater).doesNotContain(secret).doesNotContain(secret.substring(23))
                .contains(secret.substring(0, 22));
        assertThat(applications.findByClientId(app.path("clientId").asString())).hasValueSatisfying(found -> {
            assertThat(found.redirectUris()).containsExactly("https://app.acme.example/callback",
                    "https://app.acme.example/other");
            assertThat(found.postLogoutRedirectUris()).containsExactly("https://app.acme.example/signed-out");
            assertThat(found.backChannelLogoutUri()).isEqualTo("https://app.acme.example/backchannel-logout");
        });
    }

    @Test
    void storesOnlyTheSha256OfClientSecretsAndApiKeys() {
        TestApplication app = apps().register(confidential("Hashes", "[\"" + CALLBACK + "\"]"));
        String key = apps().issueKey(app.id());

        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM product_application_credential WHERE application_id = ?")
                .param(UUID.fromString(app.id())).query().listOfRows();

        assertThat(rows).hasSize(2);
        assertThat(rows.toString()).doesNotContain(app.clientSecret()).doesNotContain(key)
                .doesNotContain(app.clientSecret().substring(23)).doesNotContain(key.substring(24));
        assertThat(rows).extracting(r -> r.get("secret_hash"))
                .containsExactlyInAnyOrder(TokenCodec.sha256(app.clientSecret()), TokenCodec.sha256(key));
    }

    @Test
    void rotatesTheClientSecretTheOldOneWorkingUntilItIsRevoked() {
        TestApplication app = apps().register(confidential("Rotation", "[\"" + CALLBACK + "\"]"));
        String oldSecretId = call("GET", "/" + app.id() + "/client-secrets", null).json().get(0).path("id").asString();

        Http.Response second = call("POST", "/" + app.id() + "/client-secrets", null);
        assertThat(second.status()).isEqualTo(201);
        String newSecret = second.json().path("secret").asString();
        assertThat(applications.verifySecret(app.clientId(), app.clientSecret())).isTrue();
        assertThat(applications.verifySecret(app.clientId(), newSecret)).isTrue();
        Http.Response third = call("POST", "/" + app.id() + "/client-secrets", null);
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.json().path("error").asString()).isEqualTo("conflict");

        assertThat(call("DELETE", "/" + app.id() + "/client-secrets/" + oldSecretId, null).status()).isEqualTo(204);

        assertThat(applications.verifySecret(app.clientId(), app.clientSecret())).isFalse();
        assertThat(applications.verifySecret(app.clientId(), newSecret)).isTrue();
        assertThat(call("DELETE", "/" + app.id() + "/client-secrets/" + oldSecretId, null).status()).isEqualTo(204);
        assertThat(call("DELETE", "/" + app.id() + "/client-secrets/" + UUID.randomUUID(), null).status())
                .isEqualTo(404);
        JsonNode listed = call("GET", "/" + app.id() + "/client-secrets", null).json();
        assertThat(listed.get(0).path("active").asBoolean()).isFalse();
        assertThat(listed.get(1).path("active").asBoolean()).isTrue();
        assertThat(call("GET", "/" + app.id() + "/audit-log", null).body()).contains("CLIENT_SECRET_ISSUED")
                .contains("CLIENT_SECRET_REVOKED").contains("support team").doesNotContain(newSecret);
    }

    @Test
    void aSecretOfOneApplicationDoesNotAuthenticateAnother() {
        TestApplication a = apps().register(confidential("A", "[\"" + CALLBACK + "\"]"));
        TestApplication b = apps().register(confidential("B", "[\"" + CALLBACK + "\"]"));

        assertThat(applications.verifySecret(b.clientId(), a.clientSecret())).isFalse();
        assertThat(applications.verifySecret(a.clientId(), a.clientSecret() + "x")).isFalse();
        assertThat(applications.verifySecret(a.clientId(), a.clientSecret().substring(0, 60) + "AAA")).isFalse();
        assertThat(applications.verifySecret(a.clientId(), null)).isFalse();
        assertThat(applications.verifySecret("gh_app_unknown", a.clientSecret())).isFalse();
    }

    @Test
    void aPublicClientHasNoClientSecret() {
        Http.Response created = call("POST", "", """
                {"name":"SPA","clientType":"public","redirectUris":["http://127.0.0.1:5173/callback"]}
                """);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("clientType").asString()).isEqualTo("public");
        assertThat(created.json().has("clientSecret")).isFalse();
        String id = created.json().path("id").asString();
        assertThat(call("POST", "/" + id + "/client-secrets", null).status()).isEqualTo(409);
        assertThat(call("GET", "/" + id + "/client-secrets", null).json().size()).isZero();
        assertThat(call("POST", "", "{\"name\":\"X\",\"clientType\":\"native\",\"redirectUris\":[\"" + CALLBACK
                + "\"]}").json().path("field").asString()).isEqualTo("clientType");
    }

    @Test
    void refusesRedirectUrisThatCannotBeMatchedExactlyAndRegistersNothing() {
        String tag = "Refused " + System.nanoTime();
        Map<String, String> refused = Map.of(
                "[\"http://product.example.com/callback\"]", "redirectUris[0]",
                "[\"" + CALLBACK + "\",\"" + CALLBACK + "#done\"]", "redirectUris[1]",
                "[\"http://localhost:8080/callback\"]", "redirectUris[0]",
                "[\"/callback\"]", "redirectUris[0]",
                "[\"https://*.example.com/callback\"]", "redirectUris[0]",
                "[]", "redirectUris");

        refused.forEach((uris, field) -> {
            Http.Response r = call("POST", "", confidential(tag, uris));
            assertThat(r.status()).as(uris).isEqualTo(400);
            assertThat(r.json().path("error").asString()).isEqualTo("invalid_request");
            assertThat(r.json().path("field").asString()).as(uris).isEqualTo(field);
        });
        Http.Response prefixDefault = call("POST", "", "{\"name\":\"" + tag + "\",\"clientType\":\"confidential\","
                + "\"redirectUris\":[\"" + CALLBACK + "\"],\"defaultRedirectUri\":\"" + CALLBACK + "/more\"}");
        assertThat(prefixDefault.json().path("field").asString()).isEqualTo("defaultRedirectUri");
        Http.Response backChannel = call("POST", "", "{\"name\":\"" + tag + "\",\"clientType\":\"confidential\","
                + "\"redirectUris\":[\"" + CALLBACK + "\"],\"backChannelLogoutUri\":\"http://169.254.169.254/\"}");
        assertThat(backChannel.json().path("field").asString()).isEqualTo("backChannelLogoutUri");

        assertThat(call("GET", "", null).body()).doesNotContain(tag);
        assertThat(call("POST", "", confidential(tag, "[\"http://127.0.0.1:8080/callback\"]")).status())
                .isEqualTo(201);
    }

    @Test
    void updatesTheRegistrationAndABadUpdateChangesNothing() {
        TestApplication app = apps().register(confidential("Before", "[\"" + CALLBACK + "\"]"));
        String other = "https://product.example.com/other";

        Http.Response updated = call("PATCH", "/" + app.id(), """
                {"name":"After","redirectUris":["%s","%s"],"defaultRedirectUri":"%s",
                 "postLogoutRedirectUris":["https://product.example.com/bye"],
                 "backChannelLogoutUri":"https://product.example.com/bc"}
                """.formatted(CALLBACK, other, other));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("name").asString()).isEqualTo("After");
        assertThat(updated.json().path("redirectUris").toString()).isEqualTo("[\"" + CALLBACK + "\",\"" + other + "\"]");
        assertThat(updated.json().path("defaultRedirectUri").asString()).isEqualTo(other);
        assertThat(updated.json().path("clientId").asString()).isEqualTo(app.clientId());
        String before = call("GET", "/" + app.id(), null).body();

        for (String bad : List.of("{\"redirectUris\":[\"http://evil.example.com/cb\"]}", "{\"name\":\"\"}",
                "{\"defaultRedirectUri\":\"https://evil.example.com/cb\"}", "{\"companyIds\":[\"nope\"]}",
                "{\"companyIds\":[\"" + UUID.randomUUID() + "\"]}", "{\"redirectUri\":\"" + CALLBACK + "\"}",
                "{\"redirectUris\":\"" + CALLBACK + "\"}", "{\"enabled\":\"perhaps\"}", "not json")) {
            assertThat(call("PATCH", "/" + app.id(), bad).status()).as(bad).isEqualTo(400);
        }
        assertThat(call("GET", "/" + app.id(), null).body()).isEqualTo(before);
        assertThat(call("PATCH", "/" + app.id(), "{\"redirectUri\":\"x\"}").json().path("detail").asString())
                .contains("redirectUri");

        JsonNode cleared = call("PATCH", "/" + app.id(), "{\"backChannelLogoutUri\":\"\"}").json();
        assertThat(cleared.path("backChannelLogoutUri").isNull()).isTrue();
        assertThat(call("GET", "/" + app.id() + "/audit-log", null).body()).contains("APPLICATION_UPDATED")
                .contains("name: Before → After").contains("back-channel logout URI: none");
    }

    @Test
    void servesTheListedCompaniesAndTheListCanChange() {
        String a = operator().createCompany("Served A " + System.nanoTime(), "standard");
        String b = operator().createCompany("Served B " + System.nanoTime(), "standard");
        TestApplication app = apps().serving(a);

        assertThat(call("PUT", "/" + app.id() + "/companies/" + b, null).status()).isEqualTo(204);
        assertThat(call("PUT", "/" + app.id() + "/companies/" + b, null).status()).isEqualTo(204);
        assertThat(call("GET", "/" + app.id(), null).json().path("companyIds").toString())
                .isEqualTo("[\"" + a + "\",\"" + b + "\"]");
        assertThat(call("DELETE", "/" + app.id() + "/companies/" + a, null).status()).isEqualTo(204);
        assertThat(call("DELETE", "/" + app.id() + "/companies/" + a, null).status()).isEqualTo(404);
        assertThat(call("PUT", "/" + app.id() + "/companies/" + UUID.randomUUID(), null).status()).isEqualTo(404);
        assertThat(call("GET", "/" + app.id(), null).json().path("companyIds").toString()).isEqualTo("[\"" + b + "\"]");

        JsonNode all = call("PATCH", "/" + app.id(), "{\"servesAllCompanies\":true}").json();
        assertThat(all.path("servesAllCompanies").asBoolean()).isTrue();
        assertThat(all.path("companyIds").size()).isZero();
        assertThat(call("DELETE", "/" + app.id() + "/companies/" + b, null).status()).isEqualTo(409);
        assertThat(call("PATCH", "/" + app.id(), "{\"servesAllCompanies\":true,\"companyIds\":[\"" + a + "\"]}")
                .json().path("field").asString()).isEqualTo("companyIds");
        JsonNode listed = call("PATCH", "/" + app.id(), "{\"companyIds\":[\"" + a + "\"]}").json();
        assertThat(listed.path("servesAllCompanies").asBoolean()).isFalse();
        assertThat(listed.path("companyIds").toString()).isEqualTo("[\"" + a + "\"]");
        assertThat(call("GET", "/" + app.id() + "/audit-log", null).body()).contains("APPLICATION_COMPANY_ADDED")
                .contains("APPLICATION_COMPANY_REMOVED").contains("APPLICATION_COMPANIES_CHANGED");
    }

    @Test
    void issuesListsAndRevokesApiKeys() {
        TestApplication app = apps().register(confidential("Keys", "[\"" + CALLBACK + "\"]"));

        Http.Response issued = call("POST", "/" + app.id() + "/api-keys", "{\"label\":\"billing backend\"}");

        assertThat(issued.status()).isEqualTo(201);
        String key = issued.json().path("key").asString();
        assertThat(key).startsWith("gh_key_").hasSize(7 + 16 + 1 + 43);
        assertThat(issued.json().path("label").asString()).isEqualTo("billing backend");
        JsonNode listed = call("GET", "/" + app.id() + "/api-keys", null).json();
        assertThat(listed.toString()).doesNotContain(key).contains(key.substring(0, 23)).contains("billing backend");
        String keyId = listed.get(0).path("id").asString();
        assertThat(call("POST", "/" + app.id() + "/api-keys", "{\"label\":\"" + "x".repeat(101) + "\"}").status())
                .isEqualTo(400);

        assertThat(call("DELETE", "/" + app.id() + "/api-keys/" + keyId, null).status()).isEqualTo(204);
        assertThat(call("GET", "/" + app.id() + "/api-keys", null).json().get(0).path("active").asBoolean()).isFalse();
        assertThat(call("DELETE", "/" + app.id() + "/api-keys/not-a-uuid", null).status()).isEqualTo(404);
        assertThat(call("GET", "/" + app.id() + "/audit-log", null).body()).contains("API_KEY_ISSUED")
                .contains("API_KEY_REVOKED").contains("billing backend").doesNotContain(key);
    }

    @Test
    void aKeyOrSecretOfAnotherApplicationCannotBeRevokedThroughThisOne() {
        TestApplication mine = apps().register(confidential("Mine", "[\"" + CALLBACK + "\"]"));
        TestApplication theirs = apps().register(confidential("Theirs", "[\"" + CALLBACK + "\"]"));
        apps().issueKey(theirs.id());
        String theirKeyId = call("GET", "/" + theirs.id() + "/api-keys", null).json().get(0).path("id").asString();
        String theirSecretId = call("GET", "/" + theirs.id() + "/client-secrets", null).json().get(0).path("id")
                .asString();

        assertThat(call("DELETE", "/" + mine.id() + "/api-keys/" + theirKeyId, null).status()).isEqualTo(404);
        assertThat(call("DELETE", "/" + mine.id() + "/client-secrets/" + theirSecretId, null).status()).isEqualTo(404);
        assertThat(applications.verifySecret(theirs.clientId(), theirs.clientSecret())).isTrue();
        assertThat(call("GET", "/" + theirs.id() + "/api-keys", null).json().get(0).path("active").asBoolean())
                .isTrue();
    }

    @Test
    void deletingAnApplicationEndsItsSecretsAndKeysAndIsAudited() {
        TestApplication app = apps().register(confidential("Deleted", "[\"" + CALLBACK + "\"]"));
        String key = apps().issueKey(app.id());

        assertThat(call("DELETE", "/" + app.id(), null).status()).isEqualTo(204);

        assertThat(call("GET", "/" + app.id(), null).status()).isEqualTo(404);
        assertThat(call("DELETE", "/" + app.id(), null).status()).isEqualTo(404);
        assertThat(applications.verifySecret(app.clientId(), app.clientSecret())).isFalse();
        assertThat(applications.findByClientId(app.clientId())).isEmpty();
        assertThat(apps().api(key, "/companies").status()).isEqualTo(401);
        assertThat(operator().call("GET", "/audit-log?limit=1000", null).body()).contains("APPLICATION_DELETED")
                .contains(app.id());
    }

    @Test
    void anUnknownApplicationIsNotFoundOnEveryRoute() {
        for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid")) {
            assertThat(call("GET", "/" + id, null).status()).isEqualTo(404);
            assertThat(call("PATCH", "/" + id, "{\"name\":\"x\"}").status()).isEqualTo(404);
            assertThat(call("DELETE", "/" + id, null).status()).isEqualTo(404);
            assertThat(call("POST", "/" + id + "/client-secrets", null).status()).isEqualTo(404);
            assertThat(call("GET", "/" + id + "/api-keys", null).status()).isEqualTo(404);
            assertThat(call("POST", "/" + id + "/api-keys", "{}").status()).isEqualTo(404);
            assertThat(call("GET", "/" + id + "/audit-log", null).status()).isEqualTo(404);
        }
        assertThat(http().send("GET", "/operator/v1/applications", "wrong", null, Map.of()).status()).isEqualTo(401);
    }
}
