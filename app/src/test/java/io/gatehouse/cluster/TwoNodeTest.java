package io.gatehouse.cluster;

import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.SecondNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Two nodes of one deployment: this class's (cached) test context is node A, and a second application
 * context on its own random port against the same database is node B, started the way
 * {@code saml.ReplayAcrossNodesIT} does it. Tests alternate requests between {@link #a()} and {@link #b()}.
 */
abstract class TwoNodeTest extends IntegrationTest {

    private static SecondNode secondNode;

    @BeforeEach
    void startSecondNode() {
        if (secondNode == null) {
            secondNode = SecondNode.start();
        }
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
        return new Node("B", secondNode.base());
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
