package io.gatehouse.bench.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostGrowthTableTest {

    @TempDir
    Path dir;

    private Path run(String db, int users, double initialSeconds, int errors, long rssKb) throws IOException {
        Path figures = dir.resolve("scale-" + db + "-" + users + "u.json");
        Files.writeString(figures, """
                {"label":"%s","options":{"users":%d,"concurrency":8},
                 "planSummary":{"groups":%d,"memberships":%d},
                 "wallSeconds":{"initial":%s,"incremental":1.5},
                 "types":{
                   "initial":{"user-filter":{"count":%d,"p50Ms":1.25,"p99Ms":4.0,"errors":%d},
                              "user-create":{"count":%d,"p50Ms":3.0,"p99Ms":9.5,"errors":0}},
                   "probe":{"probe-username-filter":{"count":200,"p50Ms":0.6,"p99Ms":2.0,"errors":0}}}}
                """.formatted(db, users, users / 100, users * 2, initialSeconds, users, errors, users));
        Files.writeString(dir.resolve("scale-" + db + "-" + users + "u-server.json"),
                "{\"serverPeakRssKb\":" + rssKb + ",\"databaseSizeBytes\":" + users * 4096L + "}");
        return figures;
    }

    @Test
    void oneTotalsRowPerRunAndEveryRequestTypeAcrossAllRuns() throws IOException {
        CostGrowthTable.Run small = CostGrowthTable.read(run("postgres", 10_000, 10.0, 0, 300 * 1024));
        CostGrowthTable.Run large = CostGrowthTable.read(run("postgres", 100_000, 100.0, 2, 400 * 1024));

        String table = CostGrowthTable.render(List.of(small, large));

        // 20,000 requests in 10 s on 8 clients: 4 ms each; the same at 10x the size means flat cost
        assertThat(table).contains("| postgres | 10,000 | 100 | 20,000 | 10.0 | 2,000 | 4.00 | 1.5 | 0 | 300 | 39 | 4.0 |");
        assertThat(table).contains("| postgres | 100,000 | 1,000 | 200,000 | 100.0 | 2,000 | 4.00 | 1.5 | 2 | 400 | 390 | 4.0 |");
        assertThat(table).contains("| initial | user-filter | 1.3 / 4.0 | 1.3 / 4.0 |");
        assertThat(table).contains("| probe | probe-username-filter | 0.6 / 2.0 | 0.6 / 2.0 |");
        assertThat(table).contains(" postgres 10,000 p50 / p99 ms | postgres 100,000 p50 / p99 ms |");
    }

    @Test
    void aRunWithoutServerFiguresShowsDashes() throws IOException {
        Path figures = run("h2", 10_000, 10.0, 0, 1);
        Files.delete(dir.resolve("scale-h2-10000u-server.json"));

        String table = CostGrowthTable.render(List.of(CostGrowthTable.read(figures)));

        assertThat(table).contains("| h2 | 10,000 | 100 | 20,000 | 10.0 | 2,000 | 4.00 | 1.5 | 0 | — | — | — |");
    }
}
