package io.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.ratelimit.KeyedRateLimiter;
import io.gatehouse.support.Applications;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Operator.TestCompany;
import io.gatehouse.support.Scim;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.TestPropertySource;

/**
 * Per-token SCIM rate limit and failed-authentication throttling, on a context with tiny limits
 * (3 requests burst, 1/s per token; 5 failures a minute per address).
 */
@TestPropertySource(properties = {
        "gatehouse.scim.rate-limit.requests-per-second=1",
        "gatehouse.scim.rate-limit.burst=3",
        "gatehouse.auth-throttle.failures-per-minute=5"})
class RateLimitIT extends IntegrationTest {

    @Autowired
    @Qualifier("scimTokenLimiter")
    KeyedRateLimiter tokenLimiter;
    @Autowired
    @Qualifier("authFailureLimiter")
    KeyedRateLimiter failureLimiter;

    @BeforeEach
    void freshBuckets() {
        tokenLimiter.clear();
        failureLimiter.clear();
    }

    @Test
    void aTokenOverItsRateGets429WithRetryAfterInScimFormat() {
        TestCompany company = operator().premiumCompanyWithToken();
        Scim scim = new Scim(http(), company.scimToken());

        // The burst (3) is served; a slow request may let the 1/s refill add one more, so keep asking (bounded)
        // until the bucket is empty instead of assuming exactly when that happens.
        int served = 0;
        Http.Response refused = scim.get("/Users");
        while (refused.status() == 200 && served < 20) {
            served++;
            refused = scim.get("/Users");
        }

        assertThat(served).isBetween(3, 19);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 2L);
        assertThat(refused.header("Content-Type")).startsWith("application/scim+json");
        assertThat(refused.json().path("schemas").get(0).asString())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(refused.json().path("status").asString()).isEqualTo("429");
        // Throttled requests are visible to the support team in the provisioning log (written after the
        // answer is sent, so wait briefly for it; the last 200's entry may even be queued after the 429's, since
        // each request records its entry only once its answer has gone out).
        assertThat(recentlyLoggedStatus(company.id(), 429)).isEqualTo(429);
    }

    private int recentlyLoggedStatus(String companyId, int expected) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        do {
            Http.Response log = operator().call("GET", "/companies/" + companyId + "/provisioning-log?limit=5", null);
            for (var entry : log.json()) {
                if (entry.path("status").asInt() == expected) {
                    return expected;
                }
            }
            sleepBriefly();
        } while (System.nanoTime() < deadline);
        return -1;
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void eachTokenHasItsOwnBucket() {
        TestCompany company = operator().premiumCompanyWithToken();
        String secondToken = operator().issueScimToken(company.id());
        TestCompany other = operator().premiumCompanyWithToken();
        Scim first = new Scim(http(), company.scimToken());
        for (int i = 0; i < 4; i++) {
            first.get("/Users");
        }
        assertThat(first.get("/Users").status()).isEqualTo(429);

        assertThat(new Scim(http(), secondToken).get("/Users").status()).isEqualTo(200);
        assertThat(new Scim(http(), other.scimToken()).get("/Users").status()).isEqualTo(200);
    }

    @Test
    void theBucketRefillsAtTheConfiguredRate() throws InterruptedException {
        Scim scim = new Scim(http(), operator().premiumCompanyWithToken().scimToken());
        for (int i = 0; i < 3; i++) {
            scim.get("/Users");
        }
        Http.Response refused = scim.get("/Users");
        assertThat(refused.status()).isEqualTo(429);

        Thread.sleep(Long.parseLong(refused.header("Retry-After")) * 1000 + 100);

        assertThat(scim.get("/Users").status()).isEqualTo(200);
    }

    @Test
    void aWrongTokenNeverSpendsTheRealTokensBudget() {
        TestCompany company = operator().premiumCompanyWithToken();
        String token = company.scimToken();
        String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        for (int i = 0; i < 4; i++) {
            assertThat(http().get("/scim/v2/Users", forged).status()).isEqualTo(401);
        }
        failureLimiter.clear();

        assertThat(new Scim(http(), token).get("/Users").status()).isEqualTo(200);
    }

    @Test
    void repeatedFailedAuthenticationFromOneAddressIsThrottled() throws Exception {
        TestCompany company = operator().premiumCompanyWithToken();
        String wellFormedButWrong = company.scimToken().substring(0, 25)
                + "x".repeat(company.scimToken().length() - 25);

        for (int i = 0; i < 5; i++) {
            assertThat(http().get("/scim/v2/Users", wellFormedButWrong).status()).isEqualTo(401);
        }
        Http.Response refused = http().get("/scim/v2/Users", wellFormedButWrong);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 12L);
        assertThat(refused.json().path("schemas").get(0).asString())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        // The whole address waits, whatever it presents: no more guesses are checked.
        assertThat(new Scim(http(), company.scimToken()).get("/Users").status()).isEqualTo(429);
        // The operator API shares the budget and answers in its own format.
        Http.Response op = operator().call("GET", "/companies", null);
        assertThat(op.status()).isEqualTo(429);
        assertThat(op.json().path("error").asString()).isEqualTo("too_many_requests");
        // Another address is not affected.
        String fromElsewhere = RawHttp.exchange(port, "127.0.0.2", "GET /scim/v2/Users HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: Bearer " + company.scimToken() + "\r\nConnection: close\r\n\r\n");
        assertThat(RawHttp.status(fromElsewhere)).isEqualTo(200);
    }

    @Test
    void repeatedWrongApiKeysFromOneAddressAreThrottledWithAProblem() {
        Applications apps = new Applications(http());
        String key = apps.issueKey(apps.servingAllCompanies().id());
        String wellFormedButWrong = key.substring(0, 24) + "x".repeat(key.length() - 24);

        for (int i = 0; i < 5; i++) {
            assertThat(apps.api(wellFormedButWrong, "/companies").status()).isEqualTo(401);
        }
        Http.Response refused = apps.api(key, "/companies");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("status").asInt()).isEqualTo(429);
        assertThat(refused.json().path("title").asString()).isEqualTo("Too Many Requests");
    }

    @Test
    void manyConcurrentSuccessfulRequestsFromOneAddressAreNeverThrottled() throws Exception {
        String company = operator().createCompany("Busy " + System.nanoTime(), "standard");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(30);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 90; i++) {
                answers.add(pool.submit(() -> operator().call("GET", "/companies/" + company, null).status()));
            }
            for (java.util.concurrent.Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void successfulRequestsDoNotCountAsFailures() {
        TestCompany company = operator().premiumCompanyWithToken();
        tokenLimiter.clear();
        for (int i = 0; i < 20; i++) {
            assertThat(operator().call("GET", "/companies/" + company.id(), null).status()).isEqualTo(200);
        }
        for (int i = 0; i < 4; i++) {
            assertThat(http().get("/operator/v1/companies", "wrong").status()).isEqualTo(401);
        }
        assertThat(operator().call("GET", "/companies/" + company.id(), null).status()).isEqualTo(200);
    }
}
