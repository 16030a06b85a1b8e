package io.gatehouse.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

class PostgresBatchInsertsTest {

    @Test
    void aPostgresqlPoolSendsBatchedInsertsAsMultiRowInserts() {
        HikariDataSource pool = pool("jdbc:postgresql://127.0.0.1:5432/gatehouse");

        PostgresBatchInserts.apply(pool);

        assertThat(pool.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "true");
    }

    @Test
    void anH2PoolIsLeftAlone() {
        HikariDataSource pool = pool("jdbc:h2:file:./data/gatehouse;MODE=PostgreSQL");

        PostgresBatchInserts.apply(pool);

        assertThat(pool.getDataSourceProperties()).isEmpty();
    }

    @Test
    void aUrlThatSetsTheOptionKeepsItsOwnValue() {
        HikariDataSource pool = pool("jdbc:postgresql://db/gatehouse?rewritebatchedinserts=false");

        PostgresBatchInserts.apply(pool);

        assertThat(pool.getDataSourceProperties()).isEmpty();
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        return pool;
    }
}
