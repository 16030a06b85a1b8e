package io.gatehouse.support;

import io.gatehouse.GatehouseApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second node of the same deployment: another application context on its own random port, on this JVM's
 * test database. Start it after the test's own context, so the schema is migrated by a node that lives for
 * the whole test JVM (H2 ties some constraints to the session that created them, see V3__saml.sql).
 */
public final class SecondNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static SecondNode start() {
        return start(Map.of());
    }

    /** A second node with some properties changed (e.g. a smaller pool, no configured operator token). */
    public static SecondNode start(Map<String, String> overrides) {
        TestDatabase db = TestDatabase.get();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.datasource.url", db.url());
        properties.put("spring.datasource.username", db.user());
        properties.put("spring.datasource.password", db.password());
        properties.put("spring.datasource.hikari.maximum-pool-size", "10");
        properties.put("spring.datasource.hikari.minimum-idle", "1");
        properties.put("gatehouse.auth-throttle.failures-per-minute", "100000");
        // as on the first node (IntegrationTest): webhook delivery only where a test drives it
        properties.put("gatehouse.events.webhooks.allow-http-loopback", "true");
        properties.put("gatehouse.events.webhooks.poll-interval", "PT1H");
        properties.put("gatehouse.operator-token", IntegrationTest.OPERATOR_TOKEN);
        properties.put("gatehouse.secrets.kek", IntegrationTest.TEST_KEK);
        properties.put("gatehouse.base-url", "https://gatehouse.test");
        properties.putAll(overrides);
        // Command-line arguments, not default properties: they must win over application.properties.
        return new SecondNode(new SpringApplicationBuilder(GatehouseApplication.class).run(
                properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new)));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public String base() {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() {
        context.close();
    }
}
