package io.gatehouse.bench.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BenchReportTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void requestRatesUseTheirPhasesWallTimeAndOverallUsesBoth() {
        WorkerStats userStats = new WorkerStats();
        for (int i = 1; i <= 100; i++) {
            userStats.record(RequestType.USER_FILTER, i * 1_000_000L); // 1..100 ms
            userStats.record(RequestType.USER_CREATE, 5_000_000L);
        }
        userStats.error(RequestType.USER_CREATE);
        WorkerStats groupStats = new WorkerStats();
        for (int i = 0; i < 50; i++) {
            groupStats.record(RequestType.GROUP_PATCH, 2_000_000L);
        }
        BenchReport report = BenchReport.of(
                BenchOptions.parse("--base-url", "http://127.0.0.1:1", "--scim-token", "t", "--label", "h2"),
                Instant.EPOCH, new SyncRunner.PhaseResult(2 * SECOND, userStats),
                new SyncRunner.PhaseResult(SECOND, groupStats), 0, List.of("user-create POST /Users -> HTTP 500"),
                OptionalLong.of(512_000));

        JsonNode json = JsonMapper.builder().build().readTree(report.toJson());
        JsonNode filter = json.get("types").get("user-filter");
        assertThat(filter.get("count").intValue()).isEqualTo(100);
        assertThat(filter.get("requestsPerSecond").doubleValue()).isEqualTo(50.0);
        assertThat(filter.get("p50Ms").doubleValue()).isEqualTo(50.0);
        assertThat(filter.get("p99Ms").doubleValue()).isEqualTo(99.0);
        assertThat(filter.get("maxMs").doubleValue()).isEqualTo(100.0);
        assertThat(json.get("types").get("group-patch").get("requestsPerSecond").doubleValue()).isEqualTo(50.0);
        assertThat(json.get("types").get("user-create").get("errors").longValue()).isEqualTo(1);
        JsonNode overall = json.get("overall");
        assertThat(overall.get("count").intValue()).isEqualTo(250);
        assertThat(overall.get("requestsPerSecond").doubleValue()).isEqualTo(250 / 3.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(overall.get("errors").longValue()).isEqualTo(1);
        assertThat(json.get("wallSeconds").get("measured").doubleValue()).isEqualTo(3.0);
        assertThat(json.get("serverPeakRssKb").longValue()).isEqualTo(512_000);
        assertThat(json.get("label").stringValue()).isEqualTo("h2");
        assertThat(report.errors()).isEqualTo(1);
        assertThat(report.toText()).contains("user-filter", "overall", "HTTP 500", "500 MiB");
    }

    @Test
    void readsThePeakFromProcStatus() {
        String status = "Name:\tjava\nVmPeak:\t 9000 kB\nVmHWM:\t  523412 kB\nVmRSS:\t 400000 kB\n";
        assertThat(ProcessMemory.parseVmHwmKb(status)).hasValue(523_412);
        assertThat(ProcessMemory.parseVmHwmKb("Name:\tx\n")).isEmpty();
    }
}
