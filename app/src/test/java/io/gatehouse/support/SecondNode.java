package io.gatehouse.support;

import io.gatehouse.GatehouseApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
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
        TestDatabase db = TestDatabase.get();
        // Command-line arguments, not default properties: they must win over application.properties.
        return new SecondNode(new SpringApplicationBuilder(GatehouseApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--spring.datasource.hikari.maximum-pool-size=10",
                "--spring.datasource.hikari.minimum-idle=1",
                "--gatehouse.auth-throttle.failures-per-minute=100000",
                "--gatehouse.operator-token=" + IntegrationTest.OPERATOR_TOKEN,
                "--gatehouse.base-url=https://gatehouse.test"));
    }

    public String base() {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() {
        context.close();
    }
}
