package io.gatehouse.scim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.EntraBodies;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Operator.TestCompany;
import io.gatehouse.support.Scim;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScimUserLifecycleIT extends IntegrationTest {

    private Scim scim;

    @BeforeEach
    void company() {
        TestCompany company = operator().premiumCompanyWithToken();
        scim = new Scim(http(), company.scimToken());
    }

    @Test
    void createsUserAndAnswers201WithLocationEtagAndMeta() {
        Http.Response r = scim.post("/Users", EntraBodies.user("ada@acme.example"));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("Content-Type")).startsWith("application/scim+json");
        String id = r.json().path("id").asString();
        assertThat(r.header("Location")).isEqualTo("https://gatehouse.test/scim/v2/Users/" + id);
        assertThat(r.header("ETag")).isEqualTo("W/\"1\"");
        assertThat(r.json().path("meta").path("resourceType").asString()).isEqualTo("User");
        assertThat(r.json().path("meta").path("version").asString()).isEqualTo("W/\"1\"");
        assertThat(r.json().path("userName").asString()).isEqualTo("ada@acme.example");
        assertThat(r.json().path("active").asBoolean()).isTrue();
        assertThat(r.json().has("password")).isFalse();
    }

    @Test
    void findsUserByUserNameFilterCaseInsensitively() {
        String id = scim.createUser("Grace@Acme.example");

        Http.Response r = scim.get("/Users?filter=" + Scim.filter("userName eq \"grace@acme.EXAMPLE\""));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(r.json().path("Resources").get(0).path("id").asString()).isEqualTo(id);
    }

    @Test
    void answersFilterWithoutMatchWith200AndZeroResults() {
        Http.Response r = scim.get("/Users?filter=" + Scim.filter("userName eq \"nobody@acme.example\""));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("totalResults").asInt()).isZero();
        assertThat(r.json().path("Resources").size()).isZero();
    }

    @Test
    void refusesDuplicateUserNameIgnoringCaseWith409Uniqueness() {
        scim.createUser("linus@acme.example");

        Http.Response r = scim.post("/Users", EntraBodies.user("LINUS@acme.example"));

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().path("scimType").asString()).isEqualTo("uniqueness");
        assertThat(r.json().path("status").asString()).isEqualTo("409");
    }

    @Test
    void deleteRemovesUserThenGetAndSecondDeleteAre404AndUserNameMayBeReused() {
        String id = scim.createUser("temp@acme.example");

        assertThat(scim.delete("/Users/" + id).status()).isEqualTo(204);
        assertThat(scim.get("/Users/" + id).status()).isEqualTo(404);
        assertThat(scim.delete("/Users/" + id).status()).isEqualTo(404);
        assertThat(scim.post("/Users", EntraBodies.user("temp@acme.example")).status()).isEqualTo(201);
    }

    @Test
    void patchDeactivatesUserWithEntraFalseString() {
        String id = scim.createUser("leaver@acme.example");

        Http.Response r = scim.patch("/Users/" + id, EntraBodies.patch(
                "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("active").isBoolean()).isTrue();
        assertThat(r.json().path("active").asBoolean()).isFalse();
        assertThat(scim.get("/Users/" + id).json().path("active").asBoolean()).isFalse();
    }

    @Test
    void concurrentPatchesOfOneUserAreAllApplied() throws Exception {
        String id = scim.createUser("busy@acme.example");
        List<String> attributes = List.of("title", "nickName", "displayName", "userType", "preferredLanguage",
                "locale", "timezone", "profileUrl");
        ExecutorService pool = Executors.newFixedThreadPool(attributes.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (String attribute : attributes) {
                String value = attribute.equals("profileUrl") ? "https://acme.example/busy" : "v-" + attribute;
                statuses.add(pool.submit(() -> {
                    start.await();
                    return scim.patch("/Users/" + id, EntraBodies.patch("[{\"op\":\"replace\",\"path\":\""
                            + attribute + "\",\"value\":\"" + value + "\"}]")).status();
                }));
            }
            start.countDown();
            for (Future<Integer> status : statuses) {
                assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        Http.Response user = scim.get("/Users/" + id);
        for (String attribute : attributes) {
            assertThat(user.json().path(attribute).asString()).as(attribute).isNotEmpty();
        }
        assertThat(user.header("ETag")).isEqualTo("W/\"" + (1 + attributes.size()) + "\"");
    }

    @Test
    void patchAnswersWithTheGroupsTheUserBelongsTo() {
        String id = scim.createUser("member@acme.example");
        String group = scim.createGroup("Engineering");
        assertThat(scim.patch("/Groups/" + group, EntraBodies.patch(
                "[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + id + "\"}]}]")).status())
                .isIn(200, 204);

        Http.Response r = scim.patch("/Users/" + id, EntraBodies.patch(
                "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("groups").size()).isEqualTo(1);
        assertThat(r.json().path("groups").get(0).path("value").asString()).isEqualTo(group);
        assertThat(r.json().path("groups").get(0).path("display").asString()).isEqualTo("Engineering");
    }

    @Test
    void staleIfMatchIsRefusedWith412AndChangesNothing() {
        String id = scim.createUser("etag@acme.example");
        scim.patch("/Users/" + id, EntraBodies.patch("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"A\"}]"));

        Http.Response r = scim.send("PATCH", "/Users/" + id,
                EntraBodies.patch("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"B\"}]"),
                Map.of("If-Match", "W/\"1\""));

        assertThat(r.status()).isEqualTo(412);
        assertThat(scim.get("/Users/" + id).json().path("title").asString()).isEqualTo("A");
    }

    @Test
    void ifNoneMatchWithCurrentVersionAnswers304() {
        String id = scim.createUser("cache@acme.example");

        Http.Response r = scim.send("GET", "/Users/" + id, null, Map.of("If-None-Match", "W/\"1\""));

        assertThat(r.status()).isEqualTo(304);
    }

    @Test
    void badFilterIs400InvalidFilterInScimErrorFormat() {
        Http.Response r = scim.get("/Users?filter=" + Scim.filter("userName eq"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("scimType").asString()).isEqualTo("invalidFilter");
        assertThat(r.json().path("schemas").get(0).asString())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(r.header("Content-Type")).startsWith("application/scim+json");
    }

    @Test
    void missingTokenIs401InScimErrorFormat() {
        Http.Response r = http().get("/scim/v2/Users", null);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("status").asString()).isEqualTo("401");
        assertThat(r.header("Content-Type")).startsWith("application/scim+json");
    }

    @Test
    void unsupportedMethodOnAResourceEndpointIs405InScimFormat() {
        Http.Response r = scim.put("/Users", EntraBodies.user("x@acme.example"));

        assertThat(r.status()).isEqualTo(405);
        assertThat(r.json().path("status").asString()).isEqualTo("405");
        assertThat(r.header("Content-Type")).startsWith("application/scim+json");
    }
}
