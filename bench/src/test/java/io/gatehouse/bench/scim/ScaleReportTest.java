package io.gatehouse.bench.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ScaleReportTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void eachCycleAndProbeIsRatedAgainstItsOwnWallTime() {
        BenchOptions options = BenchOptions.parse("--base-url", "http://127.0.0.1:1", "--scim-token", "t",
                "--scenario", "scale", "--users", "1000", "--groups", "20", "--label", "postgres");
        ScalePlan plan = ScalePlan.generate(1, 1_000, 20, new ScaleShape(20, 2, 200, 500), 5, 100, 10);
        WorkerStats users = new WorkerStats();
        for (int i = 0; i < 100; i++) {
            users.record(RequestType.USER_CREATE, 4_000_000L);
        }
        WorkerStats incremental = new WorkerStats();
        for (int i = 0; i < 30; i++) {
            incremental.record(RequestType.USER_PATCH, 3_000_000L);
        }
        incremental.error(RequestType.MEMBER_REMOVE);
        WorkerStats getHuge = new WorkerStats();
        for (int i = 1; i <= 5; i++) {
            getHuge.record(RequestType.PROBE_GET_HUGE, i * 10_000_000L);
        }
        Map<RequestType, SyncRunner.PhaseResult> probes = new EnumMap<>(RequestType.class);
        probes.put(RequestType.PROBE_GET_HUGE, new SyncRunner.PhaseResult(SECOND / 2, getHuge));

        ScaleReport report = ScaleReport.of(options, plan, Instant.EPOCH,
                new SyncRunner.PhaseResult(2 * SECOND, users), new SyncRunner.PhaseResult(SECOND, new WorkerStats()),
                new SyncRunner.PhaseResult(3 * SECOND, incremental), probes, 0, List.of(), OptionalLong.of(2048), 499);

        assertThat(report.errors()).isEqualTo(1);
        JsonNode json = JsonMapper.builder().build().readTree(report.toJson());
        assertThat(json.get("scenario").stringValue()).isEqualTo("scale");
        assertThat(json.get("types").get("initial").get("user-create").get("requestsPerSecond").doubleValue())
                .isEqualTo(50.0);
        assertThat(json.get("types").get("incremental").get("user-patch").get("requestsPerSecond").doubleValue())
                .isEqualTo(10.0);
        assertThat(json.get("types").get("incremental").get("member-remove").get("errors").longValue()).isEqualTo(1);
        JsonNode huge = json.get("types").get("probe").get("probe-get-huge-group");
        assertThat(huge.get("requestsPerSecond").doubleValue()).isEqualTo(10.0);
        assertThat(huge.get("maxMs").doubleValue()).isEqualTo(50.0);
        assertThat(json.get("types").get("probe").has("probe-add-members")).isFalse(); // not run
        assertThat(json.get("wallSeconds").get("initial").doubleValue()).isEqualTo(3.0);
        assertThat(json.get("wallSeconds").get("probes").doubleValue()).isEqualTo(0.5);
        assertThat(json.get("planSummary").get("hugeGroupMembers").intValue()).isEqualTo(500);
        assertThat(json.get("hugeGroupMembersExpected").intValue()).isEqualTo(plan.hugeGroupSizeAfterProbes());
        assertThat(json.get("serverPeakRssKb").longValue()).isEqualTo(2048);
        assertThat(report.toText())
                .contains("incremental user-patch")
                .contains("wall time: initial 3.00 s (users 2.00 s, groups 1.00 s), incremental 3.00 s, probes 0.50 s")
                .contains("huge group members at the end: 499 listed by GET");
    }

    @Test
    void theEntraSyncReportListsOnlyInitialSyncTypes() {
        BenchReport report = BenchReport.of(BenchOptions.parse("--base-url", "http://h", "--scim-token", "t"),
                Instant.EPOCH, new SyncRunner.PhaseResult(SECOND, new WorkerStats()),
                new SyncRunner.PhaseResult(SECOND, new WorkerStats()), 0, List.of(), OptionalLong.empty());

        assertThat(report.rows()).extracting(BenchReport.Row::name)
                .containsExactly("user-filter", "user-create", "group-filter", "group-create", "group-patch");
    }
}
