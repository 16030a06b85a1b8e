package io.gatehouse.bench.scim;

import io.gatehouse.bench.scim.BenchReport.Row;
import io.gatehouse.bench.scim.RequestType.Phase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Figures of a scale-scenario run, as a table and as JSON with the same numbers. Requests/s of a type
 * is its count over the wall time of what it ran in: the users or groups phase of the initial cycle,
 * the incremental cycle, or the probe's own run.
 */
record ScaleReport(BenchOptions options, Map<String, Object> planSummary, Instant startedAt,
                   Map<String, Long> wallNanos, List<Section> sections, long errorsMeasured, long warmupErrors,
                   List<String> errorSamples, OptionalLong serverPeakRssKb, int hugeMembersSeen,
                   int hugeMembersExpected) {

    /** Rows of one cycle ("initial", "incremental", "probe"). */
    record Section(String name, List<Row> rows) {
    }

    static ScaleReport of(BenchOptions options, ScalePlan plan, Instant startedAt, SyncRunner.PhaseResult users,
                          SyncRunner.PhaseResult groups, SyncRunner.PhaseResult incremental,
                          Map<RequestType, SyncRunner.PhaseResult> probes, long warmupErrors,
                          List<String> errorSamples, OptionalLong serverPeakRssKb, int hugeMembersSeen) {
        WorkerStats initialStats = new WorkerStats();
        initialStats.merge(users.stats());
        initialStats.merge(groups.stats());
        List<Row> initialRows = new ArrayList<>();
        List<Row> incrementalRows = new ArrayList<>();
        List<Row> probeRows = new ArrayList<>();
        long errors = 0;
        long probeNanos = 0;
        for (RequestType type : RequestType.values()) {
            Row row;
            switch (type.phase()) {
                case USERS, GROUPS -> {
                    long wall = type.phase() == Phase.USERS ? users.wallNanos() : groups.wallNanos();
                    row = Row.of(type.label(), initialStats.latencies(type).summarize(), wall,
                            initialStats.errors(type));
                    initialRows.add(row);
                }
                case INCREMENTAL -> {
                    row = Row.of(type.label(), incremental.stats().latencies(type).summarize(),
                            incremental.wallNanos(), incremental.stats().errors(type));
                    incrementalRows.add(row);
                }
                default -> {
                    SyncRunner.PhaseResult probe = probes.get(type);
                    if (probe == null) {
                        continue;
                    }
                    probeNanos += probe.wallNanos();
                    row = Row.of(type.label(), probe.stats().latencies(type).summarize(), probe.wallNanos(),
                            probe.stats().errors(type));
                    probeRows.add(row);
                }
            }
            errors += row.errors();
        }
        Map<String, Long> wall = new LinkedHashMap<>();
        wall.put("initialUsers", users.wallNanos());
        wall.put("initialGroups", groups.wallNanos());
        wall.put("initial", users.wallNanos() + groups.wallNanos());
        wall.put("incremental", incremental.wallNanos());
        wall.put("probes", probeNanos);
        return new ScaleReport(options, summarize(plan), startedAt, wall,
                List.of(new Section("initial", initialRows), new Section("incremental", incrementalRows),
                        new Section("probe", probeRows)),
                errors, warmupErrors, errorSamples, serverPeakRssKb, hugeMembersSeen, plan.hugeGroupSizeAfterProbes());
    }

    /** The plan's shape as it was generated (sizes capped at the user count), for the report and JSON. */
    static Map<String, Object> summarize(ScalePlan plan) {
        Map<String, Object> summary = new LinkedHashMap<>();
        List<SyncPlan.PlannedGroup> groups = plan.initial().groups();
        summary.put("users", plan.initial().users().size());
        summary.put("groups", groups.size());
        summary.put("memberships", plan.memberships());
        int hugeMembers = plan.hugeGroup() < 0 ? 0 : groups.get(plan.hugeGroup()).memberIndexes().length;
        summary.put("hugeGroupMembers", hugeMembers);
        List<Integer> large = new ArrayList<>();
        for (int g : plan.largeGroups()) {
            large.add(groups.get(g).memberIndexes().length);
        }
        summary.put("largeGroupMembers", large);
        int ordinary = groups.size() - (plan.hugeGroup() < 0 ? 0 : 1) - large.size();
        summary.put("ordinaryGroups", ordinary);
        long ordinaryMembers = plan.memberships() - (long) hugeMembers
                - large.stream().mapToLong(Integer::longValue).sum();
        summary.put("ordinaryGroupMeanMembers", ordinary == 0 ? 0 : Math.round(ordinaryMembers * 10.0 / ordinary) / 10.0);
        summary.put("userChanges", plan.userChanges().size());
        summary.put("userDisables", plan.userChanges().stream().filter(ScalePlan.UserChange::disable).count());
        summary.put("membershipAdds", plan.membershipChanges().stream().filter(ScalePlan.MembershipChange::add).count());
        summary.put("membershipRemoves", plan.membershipChanges().stream().filter(c -> !c.add()).count());
        summary.put("probeAddMembers", plan.addProbes().isEmpty() ? 0 : plan.addProbes().get(0).userIndexes().length);
        return summary;
    }

    long errors() {
        return errorsMeasured + warmupErrors;
    }

    String toText() {
        StringBuilder out = new StringBuilder();
        out.append("scale plan: ").append(planSummary).append('\n');
        out.append(String.format(Locale.ROOT, "%-11s %-24s %8s %10s %9s %9s %9s %9s %7s%n",
                "cycle", "type", "count", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors"));
        for (Section section : sections) {
            for (Row row : section.rows()) {
                out.append(String.format(Locale.ROOT, "%-11s %-24s %8d %10.1f %9.3f %9.3f %9.3f %9.3f %7d%n",
                        section.name(), row.name(), row.count(), row.requestsPerSecond(), row.p50Ms(), row.p90Ms(),
                        row.p99Ms(), row.maxMs(), row.errors()));
            }
        }
        out.append(String.format(Locale.ROOT,
                "wall time: initial %.2f s (users %.2f s, groups %.2f s), incremental %.2f s, probes %.2f s%n",
                seconds(wallNanos.get("initial")), seconds(wallNanos.get("initialUsers")),
                seconds(wallNanos.get("initialGroups")), seconds(wallNanos.get("incremental")),
                seconds(wallNanos.get("probes"))));
        out.append(String.format(Locale.ROOT, "huge group members at the end: %d listed by GET, %d expected%n",
                hugeMembersSeen, hugeMembersExpected));
        if (options.warmupUsers() > 0) {
            out.append("warmup errors: ").append(warmupErrors).append('\n');
        }
        out.append("errors: ").append(errors()).append('\n');
        serverPeakRssKb.ifPresent(kb -> out.append(String.format(Locale.ROOT,
                "server peak RSS (VmHWM): %d MiB%n", kb / 1024)));
        if (!errorSamples.isEmpty()) {
            out.append("first errors:\n");
            errorSamples.forEach(sample -> out.append("  ").append(sample).append('\n'));
        }
        return out.toString();
    }

    String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenario", BenchOptions.SCALE);
        json.put("label", options.label());
        json.put("startedAt", startedAt.toString());
        json.put("java", System.getProperty("java.version"));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("baseUrl", options.baseUrl().toString());
        config.put("users", options.users());
        config.put("groups", options.groups());
        config.put("groupSize", options.shape().groupSize());
        config.put("largeGroups", options.shape().largeGroups());
        config.put("largeGroupSize", options.shape().largeGroupSize());
        config.put("hugeGroupSize", options.shape().hugeGroupSize());
        config.put("membersPerPatch", options.membersPerPatch());
        config.put("concurrency", options.concurrency());
        config.put("plan", options.plan());
        config.put("warmupUsers", options.warmupUsers());
        config.put("seed", options.seed());
        config.put("probeRepeats", options.probeRepeats());
        config.put("probeAddMembers", options.probeAddMembers());
        config.put("probeLookups", options.probeLookups());
        json.put("options", config);
        json.put("planSummary", planSummary);
        Map<String, Object> wall = new LinkedHashMap<>();
        wallNanos.forEach((name, nanos) -> wall.put(name, Math.round(seconds(nanos) * 1000) / 1000.0));
        json.put("wallSeconds", wall);
        Map<String, Object> cycles = new LinkedHashMap<>();
        for (Section section : sections) {
            Map<String, Object> types = new LinkedHashMap<>();
            section.rows().forEach(row -> types.put(row.name(), row.toMap()));
            cycles.put(section.name(), types);
        }
        json.put("types", cycles);
        json.put("hugeGroupMembersSeen", hugeMembersSeen);
        json.put("hugeGroupMembersExpected", hugeMembersExpected);
        json.put("errors", errorsMeasured);
        json.put("warmupErrors", warmupErrors);
        json.put("errorSamples", errorSamples);
        json.put("serverPeakRssKb", serverPeakRssKb.isPresent() ? serverPeakRssKb.getAsLong() : null);
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(json);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
