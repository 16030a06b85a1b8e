package io.gatehouse.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provider's keys are cached, and refetched when a token names a key id the cache does not hold. */
class SigningKeyRolloverTest {

    private final AtomicReference<JWKSet> published = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer server;
    private URL jwksUri;

    @BeforeEach
    void startKeyEndpoint() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/keys", exchange -> {
            fetches.incrementAndGet();
            byte[] body = published.get().toString(true).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        jwksUri = new URL("http://127.0.0.1:" + server.getAddress().getPort() + "/keys");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aKnownKeyIdIsServedFromTheCacheAndAnUnknownOneIsRefetched() throws Exception {
        RSAKey first = new RSAKeyGenerator(2048).keyID("key-1").generate();
        RSAKey second = new RSAKeyGenerator(2048).keyID("key-2").generate();
        published.set(new JWKSet(first.toPublicJWK()));
        JWKSource<SecurityContext> keys = EntraProvider.keySource(jwksUri, 0);

        assertThat(find(keys, "key-1")).hasSize(1);
        assertThat(find(keys, "key-1")).hasSize(1);
        assertThat(fetches).hasValue(1);

        // Entra rolls over: tokens now name a key the cache has never seen.
        published.set(new JWKSet(List.of(first.toPublicJWK(), second.toPublicJWK())));
        assertThat(find(keys, "key-2")).extracting(JWK::getKeyID).containsExactly("key-2");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void unknownKeyIdsDoNotMakeItFetchMoreThanOncePerInterval() throws Exception {
        published.set(new JWKSet(new RSAKeyGenerator(2048).keyID("key-1").generate().toPublicJWK()));
        JWKSource<SecurityContext> keys = EntraProvider.keySource(jwksUri, EntraProvider.KEY_REFETCH_INTERVAL_MS);
        find(keys, "key-1");
        for (int i = 0; i < 5; i++) {
            try {
                find(keys, "attacker-" + i);
            } catch (com.nimbusds.jose.KeySourceException rateLimited) {
                // refused without asking the provider again
            }
        }
        assertThat(fetches.get()).isLessThanOrEqualTo(2);
    }

    private static List<JWK> find(JWKSource<SecurityContext> keys, String kid) throws Exception {
        return keys.get(new JWKSelector(new JWKMatcher.Builder().keyID(kid)
                .build()), null);
    }
}
