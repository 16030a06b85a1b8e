package io.gatehouse.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.SecondNode;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node without {@code GATEHOUSE_OPERATOR_TOKEN}: the operator token is a generated one, stored hashed, so
 * {@code OperatorAuthFilter} needs a database connection for every request. When the pool (two connections,
 * 500 ms acquisition timeout) is exhausted the answer is 503 with Retry-After, as everywhere else — never 500.
 */
class GeneratedOperatorTokenPoolExhaustionIT {

    private static SecondNode node;
    private static String operatorToken;

    @BeforeAll
    static void start() {
        node = SecondNode.start(Map.of(
                "spring.datasource.hikari.maximum-pool-size", "2",
                "spring.datasource.hikari.minimum-idle", "2",
                "spring.datasource.hikari.connection-timeout", "500",
                "gatehouse.operator-token", ""));
        operatorToken = node.context().getBean(TokenService.class).issue(null, TokenKind.OPERATOR).token();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void exhaustedPoolWhileCheckingAGeneratedOperatorTokenIs503WithRetryAfter() throws Exception {
        Http http = Http.at(node.base());
        assertThat(http.get("/operator/v1/companies", operatorToken).status()).as("the generated token works").isEqualTo(200);
        assertThat(http.get("/operator/v1/companies", IntegrationTest.OPERATOR_TOKEN).status())
                .as("no configured token on this node").isEqualTo(401);

        DataSource dataSource = node.context().getBean(DataSource.class);
        List<Connection> held = new ArrayList<>();
        Http.Response busy;
        try {
            held.add(dataSource.getConnection());
            held.add(dataSource.getConnection());
            busy = http.send("GET", "/operator/v1/companies", operatorToken, null, Map.of());
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }

        assertThat(busy.status()).as(busy.toString()).isEqualTo(503);
        assertThat(busy.header("Retry-After")).isEqualTo("2");
        assertThat(busy.json().path("error").asString()).isEqualTo("busy");
        assertThat(http.get("/operator/v1/companies", operatorToken).status()).as("served again once released")
                .isEqualTo(200);
    }
}
