package io.gatehouse.directory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps PostgreSQL's planner statistics of the directory tables fresh while they grow fast.
 *
 * <p>Why: an initial Entra sync fills empty tables with 10,000s of rows in seconds. Until the first
 * ANALYZE, PostgreSQL believes each table is one page long and, for {@code company_id = ? AND
 * user_name_ci = ?}, happily walks the company's listing index and filters every row (measured: 5 ms per
 * lookup at 6,000 users, growing linearly). Autovacuum wakes only once a minute (autovacuum_naptime), longer
 * than a whole 10,000-user sync. So every few seconds this checks how much changed since the last analyze and
 * analyzes a table past 20 % (or 1,000 rows) of change. One node does it at a time (advisory lock); on H2,
 * which keeps its own statistics, it does nothing.
 */
@Component
class DirectoryStatistics {

    private static final Logger log = LoggerFactory.getLogger(DirectoryStatistics.class);
    private static final List<String> TABLES = List.of("app_user", "user_value", "user_group", "group_member");
    private static final long LOCK_KEY = 0x6761746568737461L; // "gatehsta"

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final boolean postgres;

    DirectoryStatistics(JdbcClient jdbc, TransactionTemplate tx, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        this.tx = tx;
        try (Connection c = dataSource.getConnection()) {
            this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    @Scheduled(initialDelay = 5_000, fixedDelay = 5_000)
    void analyzeWhatChanged() {
        if (!postgres) {
            return;
        }
        try {
            List<String> stale = jdbc.sql("""
                    SELECT relname FROM pg_stat_user_tables
                    WHERE relname IN ('app_user', 'user_value', 'user_group', 'group_member')
                      AND n_mod_since_analyze > GREATEST(1000, n_live_tup / 5)
                    """).query(String.class).list();
            if (stale.isEmpty()) {
                return;
            }
            // One transaction, so the transaction-scoped advisory lock and the ANALYZEs share a connection.
            tx.executeWithoutResult(status -> {
                if (!Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK_KEY)
                        .query(Boolean.class).single())) {
                    return;
                }
                for (String table : stale) {
                    if (TABLES.contains(table)) {
                        jdbc.sql("ANALYZE " + table).update();
                        log.debug("Analyzed {}", table);
                    }
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not refresh directory statistics: {}", e.getMessage());
        }
    }

}
