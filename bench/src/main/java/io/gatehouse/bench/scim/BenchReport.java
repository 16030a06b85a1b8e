package io.gatehouse.bench.scim;

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
 * The figures of one run, printed as a table and written as JSON with the same numbers.
 *
 * <p>Requests/s of a type is its count over the wall time of its own phase (users or groups), since
 * the types of a phase share that time; overall requests/s is all measured requests over both phases'
 * wall time. Counts are timed requests (those that got an HTTP response); errors also include I/O
 * failures.
 */
record BenchReport(BenchOptions options, Instant startedAt, long usersWallNanos, long groupsWallNanos,
                   List<Row> rows, Row overall, long warmupErrors, List<String> errorSamples,
                   OptionalLong serverPeakRssKb) {

    static BenchReport of(BenchOptions options, Instant startedAt, SyncRunner.PhaseResult users,
                          SyncRunner.PhaseResult groups, long warmupErrors, List<String> errorSamples,
                          OptionalLong serverPeakRssKb) {
        WorkerStats all = new WorkerStats();
        all.merge(users.stats());
        all.merge(groups.stats());
        List<Row> rows = new ArrayList<>();
        LatencyRecorder overallLatencies = new LatencyRecorder();
        for (RequestType type : RequestType.values()) {
            if (type.phase() != Phase.USERS && type.phase() != Phase.GROUPS) {
                continue; // scale-scenario types; this report is the initial sync's
            }
            long wall = type.phase() == Phase.USERS ? users.wallNanos() : groups.wallNanos();
            rows.add(Row.of(type.label(), all.latencies(type).summarize(), wall, all.errors(type)));
            overallLatencies.merge(all.latencies(type));
        }
        Row overall = Row.of("overall", overallLatencies.summarize(), users.wallNanos() + groups.wallNanos(),
                all.totalErrors());
        return new BenchReport(options, startedAt, users.wallNanos(), groups.wallNanos(), List.copyOf(rows),
                overall, warmupErrors, errorSamples, serverPeakRssKb);
    }

    long errors() {
        return overall.errors() + warmupErrors;
    }

    String toText() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-13s %8s %10s %9s %9s %9s %9s %7s%n",
                "type", "count", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors"));
        for (Row row : rows) {
            out.append(row.toText());
        }
        out.append(overall.toText());
        out.append(String.format(Locale.ROOT, "wall time: users %.2f s, groups %.2f s, measured %.2f s%n",
                seconds(usersWallNanos), seconds(groupsWallNanos), seconds(usersWallNanos + groupsWallNanos)));
        if (options.warmupUsers() > 0) {
            out.append("warmup errors: ").append(warmupErrors).append('\n');
        }
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
        json.put("label", options.label());
        json.put("startedAt", startedAt.toString());
        json.put("java", System.getProperty("java.version"));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("baseUrl", options.baseUrl().toString());
        config.put("users", options.users());
        config.put("groups", options.groups());
        config.put("membersPerPatch", options.membersPerPatch());
        config.put("groupsPerUser", options.groupsPerUser());
        config.put("concurrency", options.concurrency());
        config.put("plan", options.plan());
        config.put("warmupUsers", options.warmupUsers());
        config.put("seed", options.seed());
        json.put("options", config);
        Map<String, Object> wall = new LinkedHashMap<>();
        wall.put("users", round(seconds(usersWallNanos), 3));
        wall.put("groups", round(seconds(groupsWallNanos), 3));
        wall.put("measured", round(seconds(usersWallNanos + groupsWallNanos), 3));
        json.put("wallSeconds", wall);
        Map<String, Object> types = new LinkedHashMap<>();
        rows.forEach(row -> types.put(row.name(), row.toMap()));
        json.put("types", types);
        json.put("overall", overall.toMap());
        json.put("warmupErrors", warmupErrors);
        json.put("errorSamples", errorSamples);
        json.put("serverPeakRssKb", serverPeakRssKb.isPresent() ? serverPeakRssKb.getAsLong() : null);
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(json);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** One line of the table: latencies in milliseconds. */
    record Row(String name, int count, double requestsPerSecond, double p50Ms, double p90Ms, double p99Ms,
               double maxMs, long errors) {

        static Row of(String name, LatencyRecorder.Summary summary, long wallNanos, long errors) {
            double rps = wallNanos <= 0 ? 0 : summary.count() / seconds(wallNanos);
            return new Row(name, summary.count(), rps, millis(summary.p50()), millis(summary.p90()),
                    millis(summary.p99()), millis(summary.max()), errors);
        }

        private static double millis(long nanos) {
            return nanos / 1e6;
        }

        String toText() {
            return String.format(Locale.ROOT, "%-13s %8d %10.1f %9.3f %9.3f %9.3f %9.3f %7d%n",
                    name, count, requestsPerSecond, p50Ms, p90Ms, p99Ms, maxMs, errors);
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("count", count);
            map.put("requestsPerSecond", round(requestsPerSecond, 1));
            map.put("p50Ms", round(p50Ms, 3));
            map.put("p90Ms", round(p90Ms, 3));
            map.put("p99Ms", round(p99Ms, 3));
            map.put("maxMs", round(maxMs, 3));
            map.put("errors", errors);
            return map;
        }
    }
}
