package io.gatehouse.bench.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsTableTest {

    @TempDir
    Path dir;

    private Path run(int round, String events, double usersPerSecond, long expected, long received, boolean ok)
            throws IOException {
        Path file = dir.resolve("round" + round + "-events-" + events + ".json");
        Files.writeString(file, """
                {"label":"postgres","events":"%s","options":{"users":2000,"groups":20,"concurrency":8},
                 "sync":{"usersPerSecond":%s,"errors":0},
                 "delivery":{"expected":%d,"received":%d,"duplicates":0,"refused":0,"deliveredPerSecond":500.0},
                 "latency":{"p50Ms":120.0,"p99Ms":900.5},"ok":%s}
                """.formatted(events, usersPerSecond, expected, received, ok));
        Files.writeString(dir.resolve("round" + round + "-events-" + events + "-server.json"),
                "{\"outboxRows\":" + expected + "}");
        return file;
    }

    @Test
    void oneRowPerRoundWithTheDifferenceAndMediansOverRounds() throws IOException {
        List<EventsTable.Round> rounds = EventsTable.read(List.of(run(1, "off", 1000, 0, 0, true),
                run(1, "on", 900, 2100, 2100, true), run(2, "on", 800, 2100, 2100, true),
                run(2, "off", 1000, 0, 0, true)));

        String table = EventsTable.render(rounds);

        assertThat(table).contains("postgres, 2,000 users, 20 groups, 8 SCIM workers");
        assertThat(table).contains("| 1 | 1,000 | 900 | -10.0 % | 500 | 120.0 | 900.5 | 2,100 | 2,100 | 0 | 2,100 | ok |");
        assertThat(table).contains("| 2 | 1,000 | 800 | -20.0 % |");
        assertThat(table).contains("| median | 1,000 | 850 | -15.0 % | 500 | 120.0 | 900.5 |");
    }

    @Test
    void aLossIsNamedInTheResultColumn() throws IOException {
        List<EventsTable.Round> rounds = EventsTable.read(List.of(run(1, "off", 1000, 0, 0, true),
                run(1, "on", 900, 2100, 2099, false)));

        assertThat(EventsTable.render(rounds)).contains("| 2,100 | 2,099 | 0 | 2,100 | FAILED: received != expected |");
    }

    @Test
    void differenceIsSignedAndUndefinedWithoutABaseline() {
        assertThat(EventsTable.difference(1000, 1100)).isEqualTo("+10.0 %");
        assertThat(EventsTable.difference(0, 1100)).isEqualTo("—");
    }
}
