package io.gatehouse.support;

import io.gatehouse.GatehouseApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of HTTP-level and repository tests: the whole application on a random port, on this JVM's test
 * database (H2 or PostgreSQL). Tests isolate themselves by creating their own companies.
 */
@SpringBootTest(classes = GatehouseApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Many tests send wrong tokens on purpose from 127.0.0.1: they must see 401, not the per-address throttle's 429.
// RateLimitIT sets its own, small budget (a subclass's @TestPropertySource wins). Several application contexts
// stay cached during a run (and some tests start a second node): small pools keep PostgreSQL under its
// max_connections (100 by default). Webhooks: test receivers listen on 127.0.0.1 (the development setting), and the
// delivery worker runs only when a test drives it (webhooks/WebhookDeliveryIT), with short timeouts and back-off.
// The public base URL is a plain test property so that a test can put its own in a @DynamicPropertySource
// (provider.ReferenceProductBrowserIT serves on its test address).
@TestPropertySource(properties = {
        "gatehouse.base-url=https://gatehouse.test",
        "gatehouse.events.webhooks.allow-http-loopback=true",
        "gatehouse.events.webhooks.poll-interval=PT1H",
        "gatehouse.events.webhooks.first-retry=PT0.2S",
        "gatehouse.events.webhooks.request-timeout=PT1S",
        "gatehouse.events.webhooks.lease=PT3S",
        "gatehouse.events.webhooks.retry-window=PT5S",
        "gatehouse.auth-throttle.failures-per-minute=100000",
        "spring.datasource.hikari.maximum-pool-size=10",
        "spring.datasource.hikari.minimum-idle=1"})
public abstract class IntegrationTest {

    public static final String OPERATOR_TOKEN = "test-operator-token-0123456789";
    /** The key-encryption key of every test server (nodes of one test database must share it). */
    public static final String TEST_KEK = "test:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase db = TestDatabase.get();
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        registry.add("gatehouse.operator-token", () -> OPERATOR_TOKEN);
        registry.add("gatehouse.secrets.kek", () -> TEST_KEK);
    }

    protected Http http() {
        return new Http("http://127.0.0.1:" + port);
    }

    protected Operator operator() {
        return new Operator(http());
    }
}
