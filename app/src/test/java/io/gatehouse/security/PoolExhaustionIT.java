package io.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Operator.TestCompany;
import io.gatehouse.support.Scim;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.TestPropertySource;

/**
 * A real HikariCP pool of two connections with a 500 ms acquisition timeout. When it is exhausted SCIM answers
 * 503 with Retry-After in SCIM error format, never 500: whether the timeout hits while the token is being checked
 * (in the servlet filter) or when the request's transaction begins (in the controller). The operator API answers
 * 503 too.
 */
@TestPropertySource(properties = {
        "spring.datasource.hikari.maximum-pool-size=2",
        "spring.datasource.hikari.minimum-idle=2",
        "spring.datasource.hikari.connection-timeout=500"})
@Import(PoolExhaustionIT.Exhauster.class)
class PoolExhaustionIT extends IntegrationTest {

    /** Wraps the pool so a test can make the next transaction begin find it empty (by taking the last one). */
    @TestConfiguration
    static class Exhauster {

        static final AtomicBoolean exhaustAtTransactionBegin = new AtomicBoolean();
        static final List<Connection> taken = new ArrayList<>();

        @Bean
        static BeanPostProcessor exhaustingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof DataSource ds) || bean instanceof DelegatingDataSource) {
                        return bean;
                    }
                    return new DelegatingDataSource(ds) {
                        @Override
                        public Connection getConnection() throws SQLException {
                            if (exhaustAtTransactionBegin.get() && beginningTransaction()
                                    && exhaustAtTransactionBegin.compareAndSet(true, false)) {
                                synchronized (taken) {
                                    taken.add(ds.getConnection()); // the pool's last free connection
                                }
                            }
                            return super.getConnection();
                        }
                    };
                }
            };
        }

        static boolean beginningTransaction() {
            return StackWalker.getInstance().walk(frames -> frames.anyMatch(f ->
                    f.getClassName().endsWith("DataSourceTransactionManager") && f.getMethodName().equals("doBegin")));
        }
    }

    @Autowired
    DataSource dataSource;

    private final List<Connection> held = new ArrayList<>();

    @AfterEach
    void release() throws SQLException {
        Exhauster.exhaustAtTransactionBegin.set(false);
        for (Connection c : held) {
            c.close();
        }
        held.clear();
        synchronized (Exhauster.taken) {
            for (Connection c : Exhauster.taken) {
                c.close();
            }
            Exhauster.taken.clear();
        }
    }

    @Test
    void exhaustedWhileCheckingTheTokenIs503InScimFormat() throws SQLException {
        TestCompany company = operator().premiumCompanyWithToken();
        Scim scim = new Scim(http(), company.scimToken());
        assertThat(scim.get("/Users").status()).isEqualTo(200);
        held.add(dataSource.getConnection());
        held.add(dataSource.getConnection());

        Http.Response r = scim.get("/Users");

        assertBusy(r);
        release();
        assertThat(scim.get("/Users").status()).isEqualTo(200);
    }

    @Test
    void exhaustedWhenTheTransactionBeginsIs503InScimFormat() throws SQLException {
        TestCompany company = operator().premiumCompanyWithToken();
        Scim scim = new Scim(http(), company.scimToken());
        assertThat(scim.get("/Users").status()).isEqualTo(200);
        held.add(dataSource.getConnection());
        Exhauster.exhaustAtTransactionBegin.set(true);

        Http.Response write = scim.post("/Users", io.gatehouse.support.EntraBodies.user("pool.victim@example.com"));

        assertBusy(write);
        assertThat(Exhauster.exhaustAtTransactionBegin.get()).as("the transaction path was exercised").isFalse();
        release();
        // Nothing was half-written: the retry creates the user.
        assertThat(scim.post("/Users", io.gatehouse.support.EntraBodies.user("pool.victim@example.com")).status())
                .isEqualTo(201);
    }

    @Test
    void exhaustedOnTheOperatorApiIs503NotA500() throws SQLException {
        String company = operator().createCompany("Busy operator " + System.nanoTime(), "standard");
        held.add(dataSource.getConnection());
        held.add(dataSource.getConnection());

        Http.Response r = operator().call("GET", "/companies/" + company, null);

        assertThat(r.status()).as(r.toString()).isEqualTo(503);
        assertThat(r.header("Retry-After")).isEqualTo("2");
        assertThat(r.json().path("error").asString()).isEqualTo("busy");
        release();
        assertThat(operator().call("GET", "/companies/" + company, null).status()).isEqualTo(200);
    }

    private static void assertBusy(Http.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(503);
        assertThat(r.header("Retry-After")).isEqualTo("2");
        assertThat(r.header("Content-Type")).startsWith("application/scim+json");
        assertThat(r.json().path("schemas").get(0).asString()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(r.json().path("status").asString()).isEqualTo("503");
    }
}
