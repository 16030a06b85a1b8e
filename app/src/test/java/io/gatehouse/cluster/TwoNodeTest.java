package io.gatehouse.cluster;

import io.gatehouse.GatehouseApplication;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes of one deployment: this class's (cached) test context is node A, and a second application
 * context on its own random port against the same database is node B, started the way
 * {@code saml.ReplayAcrossNodesIT} does it. Tests alternate requests between {@link #a()} and {@link #b()}.
 */
abstract class TwoNodeTest extends IntegrationTest {

    private static ConfigurableApplicationContext secondNode;

    /**
     * Started after node A, so the schema is migrated by a context that lives for the whole test JVM (H2 ties
     * some constraints to the session that created them, see V3__saml.sql).
     */
    @BeforeEach
    void startSecondNode() {
        if (secondNode != null) {
            return;
        }
        TestDatabase db = TestDatabase.get();
        // Command-line arguments, not default properties: they must win over application.properties.
        secondNode = new SpringApplicationBuilder(GatehouseApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--gatehouse.operator-token=" + OPERATOR_TOKEN,
                "--gatehouse.base-url=https://gatehouse.test");
    }

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
            secondNode = null;
        }
    }

    Node a() {
        return new Node("A", http().base());
    }

    Node b() {
        return new Node("B", "http://127.0.0.1:" + secondNode.getEnvironment().getProperty("local.server.port"));
    }

    /** Node A for even i, node B for odd i: spreads a batch of requests over both nodes. */
    Node node(int i) {
        return i % 2 == 0 ? a() : b();
    }

    /** A premium company (groups included) and one SCIM token, created through node A. */
    String[] premiumCompany() {
        String id = a().createCompany("Cluster " + System.nanoTime(), "premium");
        return new String[] {id, a().issueScimToken(id).path("token").asString()};
    }
}
