package io.gatehouse.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Applications;
import io.gatehouse.support.FormBrowser;
import io.gatehouse.support.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Token endpoint (code exchange) and userinfo throughput, for BENCHMARKS.md. Not part of the suite: runs only with
 * {@code -Dgatehouse.bench.provider=true} (see BENCHMARKS.md, "OpenID Provider", for the command).
 */
@EnabledIfSystemProperty(named = "gatehouse.bench.provider", matches = "true")
class ProviderThroughputIT extends ProviderIntegrationTest {

    static final int CODES = 400;
    static final int USERINFO = 4000;
    static final int THREADS = 8;

    @Test
    void tokenEndpointAndUserinfoPerSecond() throws Exception {
        SamlCompany company = samlCompany();
        company.scim().createUser("bench@contoso.test");
        Applications.TestApplication app = application(company.id());
        // Codes first, each from its own SAML sign-in (not timed).
        List<String[]> codes = new ArrayList<>();
        for (int i = 0; i < CODES + 50; i++) {
            Pkce pkce = pkce();
            codes.add(new String[] {code(new FormBrowser(http().base()), company, "bench@contoso.test",
                    app.clientId(), pkce), pkce.verifier()});
        }
        // Warm-up: 50 exchanges.
        for (int i = 0; i < 50; i++) {
            assertThat(exchange(app, codes.get(i)[0], codes.get(i)[1]).status()).isEqualTo(200);
        }
        List<String[]> timed = codes.subList(50, codes.size());
        AtomicInteger next = new AtomicInteger();
        List<String> accessTokens = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            runs.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < timed.size(); ) {
                    Http.Response r = exchange(app, timed.get(i)[0], timed.get(i)[1]);
                    assertThat(r.status()).isEqualTo(200);
                    accessTokens.add(r.json().path("access_token").asString());
                }
            }));
        }
        for (Future<?> f : runs) {
            f.get();
        }
        double exchangeSeconds = (System.nanoTime() - start) / 1e9;

        for (int i = 0; i < 200; i++) {
            userinfo(accessTokens.get(i % accessTokens.size()));
        }
        AtomicInteger calls = new AtomicInteger();
        runs.clear();
        start = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            runs.add(pool.submit(() -> {
                for (int i; (i = calls.getAndIncrement()) < USERINFO; ) {
                    assertThat(userinfo(accessTokens.get(i % accessTokens.size())).status()).isEqualTo(200);
                }
            }));
        }
        for (Future<?> f : runs) {
            f.get();
        }
        double userinfoSeconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf("PROVIDER-BENCH db=%s code exchanges: %d in %.2f s = %.0f/s; userinfo: %d in %.2f s = %.0f/s"
                        + " (%d client threads)%n", System.getProperty("gatehouse.test.db", "?"), timed.size(),
                exchangeSeconds, timed.size() / exchangeSeconds, USERINFO, userinfoSeconds,
                USERINFO / userinfoSeconds, THREADS);
    }
}
