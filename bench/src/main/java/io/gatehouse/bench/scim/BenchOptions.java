package io.gatehouse.bench.scim;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Command line of {@link EntraSyncBench}, validated completely before any request is sent so a typo
 * fails in milliseconds instead of after a warmup.
 */
record BenchOptions(
        URI baseUrl,
        String operatorToken,
        String scimToken,
        int users,
        int groups,
        int membersPerPatch,
        int concurrency,
        String plan,
        int warmupUsers,
        long seed,
        int groupsPerUser,
        Path jsonOut,
        Long serverPid,
        String label,
        String scenario,
        ScaleShape shape,
        int probeRepeats,
        int probeAddMembers,
        int probeLookups) {

    static final String ENTRA_SYNC = "entra-sync";
    static final String SCALE = "scale";

    static final String USAGE = """
            usage: EntraSyncBench --base-url URL (--operator-token T | --scim-token T) [options]
              --base-url URL            server root, e.g. http://127.0.0.1:8080
              --operator-token T        create a fresh company + SCIM token through /operator/v1
              --scim-token T            use an existing company's SCIM token (pick a fresh --seed per run)
              --scenario S              entra-sync (default): the initial sync only;
                                        scale: initial + incremental cycle + probes (bench/README.md)
              --users N                 users to provision (default 10000; scale: 100000)
              --groups N                groups to provision (default 100; scale: 1000)
              --members-per-patch N     members per group PATCH, as Entra batches them (default 100)
              --concurrency N           worker threads = requests in flight (default 8)
              --plan P                  plan of the created company (default premium; groups need it)
              --warmup-users N          extra users (+1 group) sent first and not measured (default 0)
              --seed N                  seed of the deterministic user/group plan (default 1)
              --groups-per-user N       group memberships per user, Zipf-skewed (default 3)
              --json-out FILE           also write the figures as JSON
              --server-pid PID          read the server's peak RSS (VmHWM) from /proc at the end
              --label TEXT              free text stored in the JSON (e.g. h2 / postgres)
            scale scenario only (group sizes are capped at --users):
              --group-size N            mean size of an ordinary group, +-20% (default 100)
              --large-groups N          groups of --large-group-size members (default 5)
              --large-group-size N      (default 10000)
              --huge-group-size N       size of the one huge group (default 50000)
              --probe-add-members N     members added by the one-PATCH probe (default 1000)
              --probe-repeats N         repetitions of each group probe (default 5)
              --probe-lookups N         userName and externalId lookups each (default 200)
            """;

    private static final List<String> FLAGS = List.of("--base-url", "--operator-token", "--scim-token",
            "--users", "--groups", "--members-per-patch", "--concurrency", "--plan", "--warmup-users",
            "--seed", "--groups-per-user", "--json-out", "--server-pid", "--label", "--scenario", "--group-size",
            "--large-groups", "--large-group-size", "--huge-group-size", "--probe-add-members", "--probe-repeats",
            "--probe-lookups");

    static BenchOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (!FLAGS.contains(flag)) {
                throw new IllegalArgumentException("unknown option: " + flag);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + flag);
            }
            if (values.put(flag, args[++i]) != null) {
                throw new IllegalArgumentException("option given twice: " + flag);
            }
        }
        String baseUrl = values.get("--base-url");
        if (baseUrl == null) {
            throw new IllegalArgumentException("--base-url is required");
        }
        String operatorToken = values.get("--operator-token");
        String scimToken = values.get("--scim-token");
        if ((operatorToken == null) == (scimToken == null)) {
            throw new IllegalArgumentException("give exactly one of --operator-token and --scim-token");
        }
        String scenario = values.getOrDefault("--scenario", ENTRA_SYNC);
        if (!scenario.equals(ENTRA_SYNC) && !scenario.equals(SCALE)) {
            throw new IllegalArgumentException("--scenario must be entra-sync or scale: " + scenario);
        }
        boolean scale = scenario.equals(SCALE);
        String pid = values.get("--server-pid");
        String jsonOut = values.get("--json-out");
        return new BenchOptions(
                parseBaseUrl(baseUrl),
                operatorToken,
                scimToken,
                intOption(values, "--users", scale ? 100_000 : 10_000, 1),
                intOption(values, "--groups", scale ? 1_000 : 100, 0),
                intOption(values, "--members-per-patch", 100, 1),
                intOption(values, "--concurrency", 8, 1),
                values.getOrDefault("--plan", "premium"),
                intOption(values, "--warmup-users", 0, 0),
                Long.parseLong(values.getOrDefault("--seed", "1")),
                intOption(values, "--groups-per-user", 3, 0),
                jsonOut == null ? null : Path.of(jsonOut),
                pid == null ? null : Long.valueOf(pid),
                values.getOrDefault("--label", ""),
                scenario,
                new ScaleShape(
                        intOption(values, "--group-size", 100, 1),
                        intOption(values, "--large-groups", 5, 0),
                        intOption(values, "--large-group-size", 10_000, 1),
                        intOption(values, "--huge-group-size", 50_000, 1)),
                intOption(values, "--probe-repeats", 5, 1),
                intOption(values, "--probe-add-members", 1_000, 1),
                intOption(values, "--probe-lookups", 200, 0));
    }

    /** A bad command line: the problem, {@code before} (another tool's own usage line) and the options; exit 2. */
    static void exitWithUsage(IllegalArgumentException problem, String before) {
        System.err.println("error: " + problem.getMessage());
        System.err.print(before);
        System.err.print(USAGE);
        System.exit(2);
    }

    boolean isScale() {
        return SCALE.equals(scenario);
    }

    private static URI parseBaseUrl(String raw) {
        // a trailing slash would produce "//scim/v2", which some servers treat as a different path
        URI uri = URI.create(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("--base-url must be http(s)://…: " + raw);
        }
        return uri;
    }

    private static int intOption(Map<String, String> values, String flag, int fallback, int min) {
        String raw = values.get(flag);
        int value;
        try {
            value = raw == null ? fallback : Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be an integer: " + raw);
        }
        if (value < min) {
            throw new IllegalArgumentException(flag + " must be >= " + min + ": " + value);
        }
        return value;
    }
}
