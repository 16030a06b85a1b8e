package io.gatehouse.bench.scim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cost-growth tables of {@code bench/run-cost-growth.sh}: one row per scale run (database, users) with
 * totals, and one row per request type with its p50/p99 in every run, so whether the time per request stays
 * flat as the directory grows can be read off directly.
 *
 * <p>Input: the {@code scale-*.json} files the scale scenario writes; the server figures (peak RSS, database
 * size) come from the {@code …-server.json} next to each. Output: Markdown on standard out.
 *
 * <pre>java -cp … io.gatehouse.bench.scim.CostGrowthTable bench/target/cost-growth/scale-*.json</pre>
 */
public final class CostGrowthTable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> CYCLES = List.of("initial", "incremental", "probe");

    /** One scale run: its figures and its server's. */
    record Run(JsonNode figures, JsonNode server) {

        String database() {
            return figures.path("label").asString("?");
        }

        long users() {
            return figures.path("options").path("users").asLong();
        }

        /** Requests of the initial cycle (every type of it, errors included as they were sent too). */
        long initialRequests() {
            long n = 0;
            for (JsonNode type : figures.path("types").path("initial")) {
                n += type.path("count").asLong();
            }
            return n;
        }

        long errors() {
            long n = 0;
            for (JsonNode cycle : figures.path("types")) {
                for (JsonNode type : cycle) {
                    n += type.path("errors").asLong();
                }
            }
            return n;
        }
    }

    private CostGrowthTable() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: CostGrowthTable scale-<db>-<users>u-….json …");
            System.exit(2);
        }
        List<Run> runs = new ArrayList<>();
        for (String arg : args) {
            runs.add(read(Path.of(arg)));
        }
        System.out.print(render(runs));
    }

    static Run read(Path figures) throws IOException {
        String name = figures.getFileName().toString();
        Path server = figures.resolveSibling(name.replaceFirst("\\.json$", "") + "-server.json");
        JsonNode serverJson = Files.exists(server) ? JSON.readTree(Files.readString(server)) : JSON.missingNode();
        return new Run(JSON.readTree(Files.readString(figures)), serverJson);
    }

    static String render(List<Run> runs) {
        StringBuilder out = new StringBuilder();
        out.append("| database | users | groups | memberships | initial cycle s | initial req/s | ms per initial request "
                + "× clients | incremental cycle s | errors | server peak RSS MiB | database MiB | database KiB per user |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Run run : runs) {
            JsonNode wall = run.figures().path("wallSeconds");
            JsonNode plan = run.figures().path("planSummary");
            double initial = wall.path("initial").asDouble();
            long requests = run.initialRequests();
            int clients = run.figures().path("options").path("concurrency").asInt(1);
            long rssKb = run.server().path("serverPeakRssKb").asLong(-1);
            long dbBytes = run.server().path("databaseSizeBytes").asLong(-1);
            out.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %.1f | %,.0f | %.2f | %.1f | %d | %s | %s | %s |%n",
                    run.database(), run.users(), plan.path("groups").asLong(), plan.path("memberships").asLong(),
                    initial, requests / initial, initial * 1000 * clients / requests, wall.path("incremental").asDouble(),
                    run.errors(), rssKb < 0 ? "—" : Long.toString(rssKb / 1024),
                    dbBytes < 0 ? "—" : Long.toString(dbBytes / (1024 * 1024)),
                    dbBytes < 0 ? "—" : String.format(Locale.ROOT, "%.1f", dbBytes / 1024.0 / run.users())));
        }
        out.append('\n');
        out.append("| cycle | type |");
        runs.forEach(r -> out.append(String.format(Locale.ROOT, " %s %,d p50 / p99 ms |", r.database(), r.users())));
        out.append("\n|---|---|");
        runs.forEach(r -> out.append("---|"));
        out.append('\n');
        for (String cycle : CYCLES) {
            for (String type : types(runs, cycle)) {
                out.append("| ").append(cycle).append(" | ").append(type).append(" |");
                for (Run run : runs) {
                    JsonNode t = run.figures().path("types").path(cycle).path(type);
                    out.append(t.isMissingNode() ? " — |" : String.format(Locale.ROOT, " %.1f / %.1f |",
                            t.path("p50Ms").asDouble(), t.path("p99Ms").asDouble()));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** The request types of one cycle, in the order the runs list them. */
    private static Set<String> types(List<Run> runs, String cycle) {
        Set<String> names = new LinkedHashSet<>();
        for (Run run : runs) {
            run.figures().path("types").path(cycle).propertyNames().forEach(names::add);
        }
        return names;
    }
}
