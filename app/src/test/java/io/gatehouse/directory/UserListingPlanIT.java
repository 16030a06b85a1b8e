package io.gatehouse.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.TestDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A page of users reads the rows of the page, not the whole company: the database's own EXPLAIN ANALYZE of the
 * statements the repository sends, with 3,000 users in one company, must show no plan step that read more than a
 * few pages' worth of rows. On H2 this failed before (a SCIM listing page read and sorted all 100,000 users of a
 * company: 1.1 s; the console's first page 0.4 s).
 */
class UserListingPlanIT extends IntegrationTest {

    private static final int USERS = 3000;
    private static final int PAGE = 25;
    /** The most rows a plan step may read for one page: the page, one over it, and H2's two reads per key. */
    private static final int MOST_ROWS_READ = 2 * (PAGE + 1);

    @Autowired
    JdbcTemplate jdbc;

    private UUID company;

    @BeforeEach
    void aCompanyOfThreeThousandUsers() {
        company = UUID.fromString(operator().createCompany("Plans", "premium"));
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            String userName = "user" + i + "@plans.example.com";
            Timestamp at = Timestamp.from(start.plusSeconds(i));
            rows.add(new Object[] {UUID.randomUUID(), company, userName, userName, true, "{}", "SCIM", 1L, at, at});
        }
        jdbc.batchUpdate("""
                INSERT INTO app_user (id, company_id, user_name, user_name_ci, active, resource, source, version,
                  created_at, last_modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
        if (TestDatabase.get().isPostgres()) {
            jdbc.execute("ANALYZE app_user");
        }
    }

    @Test
    void aScimListingPageReadsOnlyItsOwnRows() {
        String sql = UserRepository.searchSql(null, UserRepository.CREATION_ORDER, 0, PAGE);

        assertThat(mostRowsReadByOneStep(sql, company)).isBetween(PAGE, MOST_ROWS_READ);
    }

    @Test
    void theConsolesFirstPageReadsOnlyItsOwnRows() {
        String sql = UserRepository.keysetSql(null, ">=", "", PAGE + 1);

        assertThat(mostRowsReadByOneStep(sql, company, "")).isBetween(PAGE, MOST_ROWS_READ);
    }

    @Test
    void theConsolesNextAndPreviousPagesReadOnlyTheirOwnRows() {
        String middle = "user1500@plans.example.com";

        assertThat(mostRowsReadByOneStep(UserRepository.keysetSql(null, ">", "", PAGE + 1), company, middle))
                .isBetween(PAGE, MOST_ROWS_READ);
        assertThat(mostRowsReadByOneStep(UserRepository.keysetSql(null, "<", " DESC", PAGE + 1), company, middle))
                .isBetween(PAGE, MOST_ROWS_READ);
    }

    /** The largest row count of one step of the executed plan: H2's scanCount, PostgreSQL's actual rows. */
    private int mostRowsReadByOneStep(String sql, Object... params) {
        boolean postgres = TestDatabase.get().isPostgres();
        String plan = jdbc.queryForList("EXPLAIN ANALYZE " + sql, params).stream()
                .map(row -> String.valueOf(row.values().iterator().next()))
                .collect(Collectors.joining("\n"));
        Matcher counts = Pattern.compile(postgres ? "actual time=[0-9.]+\\.\\.[0-9.]+ rows=(\\d+)" : "scanCount: (\\d+)")
                .matcher(plan);
        int most = -1;
        while (counts.find()) {
            most = Math.max(most, Integer.parseInt(counts.group(1)));
        }
        assertThat(most).as("row counts in the plan:%n%s", plan).isNotNegative();
        return most;
    }
}
