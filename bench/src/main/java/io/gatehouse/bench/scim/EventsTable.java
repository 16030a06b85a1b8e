package io.gatehouse.bench.scim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The table of {@code bench/run-events.sh}: per round the sync's users/s with events off and on, the difference,
 * events delivered per second, the SCIM-to-webhook latency and the events expected against those received; with
 * several rounds also their medians. Input: the {@code round<N>-events-<off|on>.json} files of {@link EventsBench}
 * (and the {@code …-server.json} beside each, for the outbox rows counted in SQL). Exit code 1 when a run failed
 * or lost, duplicated or added events.
 *
 * <pre>java -cp … io.gatehouse.bench.scim.EventsTable bench/target/events-postgres-2000u/round*.json</pre>
 */
public final class EventsTable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern NAME = Pattern.compile("round(\\d+)-events-(on|off)\\.json");

    /** One round: the figures of its off and on runs (either may be missing) and their server files. */
    record Round(int number, JsonNode off, JsonNode on, JsonNode offServer, JsonNode onServer) {

        double offUsersPerSecond() {
            return off.path("sync").path("usersPerSecond").asDouble(Double.NaN);
        }

        double onUsersPerSecond() {
            return on.path("sync").path("usersPerSecond").asDouble(Double.NaN);
        }

        double deliveredPerSecond() {
            return on.path("delivery").path("deliveredPerSecond").asDouble(Double.NaN);
        }

        double p50() {
            return on.path("latency").path("p50Ms").asDouble(Double.NaN);
        }

        double p99() {
            return on.path("latency").path("p99Ms").asDouble(Double.NaN);
        }

        /** Every run of the round that exists passed (MODES=on makes rounds without an off run). */
        boolean ok() {
            return !(off.isMissingNode() && on.isMissingNode()) && (off.isMissingNode() || off.path("ok").asBoolean())
                    && (on.isMissingNode() || on.path("ok").asBoolean());
        }

        String verdict() {
            if (!ok()) {
                return "FAILED";
            }
            return off.isMissingNode() ? "ok (events on only)" : on.isMissingNode() ? "ok (events off only)" : "ok";
        }
    }

    private EventsTable() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: EventsTable round<N>-events-<off|on>.json …");
            System.exit(2);
        }
        List<Round> rounds = read(Arrays.stream(args).map(Path::of).toList());
        System.out.print(render(rounds));
        System.exit(rounds.stream().allMatch(Round::ok) ? 0 : 1);
    }

    static List<Round> read(List<Path> files) throws IOException {
        Map<Integer, JsonNode[]> byRound = new TreeMap<>();
        for (Path file : files) {
            Matcher m = NAME.matcher(file.getFileName().toString());
            if (!m.matches()) {
                throw new IllegalArgumentException("not a round<N>-events-<off|on>.json file: " + file);
            }
            JsonNode[] four = byRound.computeIfAbsent(Integer.parseInt(m.group(1)), n -> new JsonNode[4]);
            int slot = m.group(2).equals("off") ? 0 : 1;
            four[slot] = JSON.readTree(Files.readString(file));
            Path server = file.resolveSibling(file.getFileName().toString().replace(".json", "-server.json"));
            four[slot + 2] = Files.exists(server) ? JSON.readTree(Files.readString(server)) : JSON.missingNode();
        }
        List<Round> rounds = new ArrayList<>();
        byRound.forEach((n, f) -> rounds.add(new Round(n, orMissing(f[0]), orMissing(f[1]), orMissing(f[2]),
                orMissing(f[3]))));
        return rounds;
    }

    private static JsonNode orMissing(JsonNode node) {
        return node == null ? JSON.missingNode() : node;
    }

    static String render(List<Round> rounds) {
        StringBuilder out = new StringBuilder();
        JsonNode any = rounds.get(0).on().isMissingNode() ? rounds.get(0).off() : rounds.get(0).on();
        out.append(String.format(Locale.ROOT, "%s, %,d users, %,d groups, %d SCIM workers%n%n",
                any.path("label").asString("?"), any.path("options").path("users").asLong(),
                any.path("options").path("groups").asLong(), any.path("options").path("concurrency").asInt()));
        out.append("| round | sync users/s, events off | sync users/s, events on | difference | events delivered/s "
                + "| latency p50 ms | latency p99 ms | events expected | events received | duplicates | outbox rows "
                + "(SQL) | result |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Round r : rounds) {
            JsonNode d = r.on().path("delivery");
            JsonNode offDelivery = r.off().path("delivery");
            out.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    r.number(), num(r.offUsersPerSecond(), 0), num(r.onUsersPerSecond(), 0),
                    difference(r.offUsersPerSecond(), r.onUsersPerSecond()), num(r.deliveredPerSecond(), 0),
                    num(r.p50(), 1), num(r.p99(), 1), count(d.path("expected")), count(d.path("received")),
                    count(d.path("duplicates")), count(r.onServer().path("outboxRows")),
                    r.ok() ? r.verdict() : result(r, offDelivery)));
        }
        if (rounds.size() > 1) {
            double off = median(rounds, Round::offUsersPerSecond);
            double on = median(rounds, Round::onUsersPerSecond);
            out.append(String.format(Locale.ROOT, "| median | %s | %s | %s | %s | %s | %s | | | | | |%n", num(off, 0),
                    num(on, 0), difference(off, on), num(median(rounds, Round::deliveredPerSecond), 0),
                    num(median(rounds, Round::p50), 1), num(median(rounds, Round::p99), 1)));
        }
        return out.toString();
    }

    private static String result(Round r, JsonNode offDelivery) {
        List<String> problems = new ArrayList<>();
        if (r.off().path("sync").path("errors").asLong() + r.on().path("sync").path("errors").asLong() > 0) {
            problems.add("SCIM errors");
        }
        if (offDelivery.path("received").asLong() > 0) {
            problems.add(offDelivery.path("received").asLong() + " events with events off");
        }
        JsonNode d = r.on().path("delivery");
        if (d.path("received").asLong() != d.path("expected").asLong()) {
            problems.add("received != expected");
        }
        if (d.path("refused").asLong() > 0) {
            problems.add(d.path("refused").asLong() + " refused (bad signature)");
        }
        return problems.isEmpty() ? "FAILED" : "FAILED: " + String.join(", ", problems);
    }

    /** (on − off) / off in percent, signed. */
    static String difference(double off, double on) {
        if (Double.isNaN(off) || Double.isNaN(on) || off == 0) {
            return "—";
        }
        return String.format(Locale.ROOT, "%+.1f %%", (on / off - 1) * 100);
    }

    static double median(List<Round> rounds, ToDoubleFunction<Round> figure) {
        double[] values = rounds.stream().mapToDouble(figure).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static String num(double value, int decimals) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    private static String count(JsonNode node) {
        return node.isNumber() ? String.format(Locale.ROOT, "%,d", node.asLong()) : "—";
    }
}
