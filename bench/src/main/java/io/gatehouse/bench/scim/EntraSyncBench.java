package io.gatehouse.bench.scim;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * Load generator that replays the requests of a Microsoft Entra ID initial sync (users, then groups
 * with their members) against a running Gatehouse server and reports latency percentiles and
 * throughput per request type. See bench/README.md.
 *
 * <p>Exit codes: 0 all requests as expected, 1 any error, 2 bad command line.
 */
public final class EntraSyncBench {

    static final String SCIM_MEDIA_TYPE = "application/scim+json";

    private EntraSyncBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.print(BenchOptions.USAGE);
            System.exit(args.length == 0 ? 2 : 0);
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            BenchOptions.exitWithUsage(e, "");
            return;
        }
        System.exit(run(options));
    }

    static int run(BenchOptions options) throws InterruptedException, IOException {
        CloseableHttpClient http = BearerClient.newHttpClient();
        String scimToken = options.scimToken() != null ? options.scimToken() : createTenant(http, options);
        if (scimToken == null) {
            return 1;
        }
        BearerClient scim = new BearerClient(http, options.baseUrl() + "/scim/v2", scimToken, SCIM_MEDIA_TYPE);
        log("generating " + options.scenario() + " plan (seed " + options.seed() + ")");
        SyncPlan plan = options.isScale() ? null : SyncPlan.generate(options.seed(), "u", options.users(),
                options.groups(), options.groupsPerUser());
        ScalePlan scalePlan = !options.isScale() ? null : ScalePlan.generate(options.seed(), options.users(),
                options.groups(), options.shape(), options.probeRepeats(), options.probeAddMembers(),
                options.probeLookups());
        ErrorSamples errorSamples = new ErrorSamples(5);
        ExecutorService pool = Executors.newFixedThreadPool(options.concurrency(), workerThreads());
        try {
            SyncRunner runner = new SyncRunner(scim, pool, options.concurrency(), options.membersPerPatch(),
                    errorSamples);
            if (!runner.testConnection(UUID.randomUUID().toString())) {
                System.err.println("test connection failed:\n  " + String.join("\n  ", errorSamples.samples()));
                return 1;
            }
            long warmupErrors = warmup(runner, options);
            if (scalePlan != null) {
                ScaleReport report = new ScaleScenario(runner, options, scalePlan).run(warmupErrors, errorSamples);
                System.out.print(report.toText());
                if (options.jsonOut() != null) {
                    Files.writeString(options.jsonOut(), report.toJson());
                }
                return report.errors() == 0 ? 0 : 1;
            }
            BenchReport report = measure(runner, plan, options, warmupErrors, errorSamples);
            System.out.print(report.toText());
            if (options.jsonOut() != null) {
                Files.writeString(options.jsonOut(), report.toJson());
            }
            return report.errors() == 0 ? 0 : 1;
        } finally {
            pool.shutdownNow();
        }
    }

    /** @return the new company's SCIM token, or null (reported) if the operator API refused */
    private static String createTenant(CloseableHttpClient http, BenchOptions options) throws InterruptedException {
        BearerClient operator = new BearerClient(http, options.baseUrl() + "/operator/v1",
                options.operatorToken(), "application/json");
        String name = "entra-sync-bench seed " + options.seed() + " " + Instant.now();
        try {
            OperatorSetup.Tenant tenant = OperatorSetup.createTenant(operator, name, options.plan());
            log("created company " + tenant.companyId() + " (plan " + options.plan() + ")");
            return tenant.scimToken();
        } catch (RuntimeException | IOException e) {
            System.err.println("operator setup failed: " + e.getMessage());
            return null;
        }
    }

    /** The two measured phases; groups start only when every user exists, as in Entra's sync. */
    private static BenchReport measure(SyncRunner runner, SyncPlan plan, BenchOptions options, long warmupErrors,
                                       ErrorSamples errorSamples) throws InterruptedException {
        Instant startedAt = Instant.now();
        AtomicReferenceArray<String> userIds = new AtomicReferenceArray<>(plan.users().size());
        log("users: " + plan.users().size() + " on " + options.concurrency() + " workers");
        SyncRunner.PhaseResult users = runner.runUsers(plan.users(), userIds);
        log("groups: " + plan.groups().size());
        SyncRunner.PhaseResult groups = runner.runGroups(plan.groups(), userIds);
        OptionalLong peakRss = options.serverPid() == null
                ? OptionalLong.empty() : ProcessMemory.peakRssKb(options.serverPid());
        return BenchReport.of(options, startedAt, users, groups, warmupErrors, errorSamples.samples(), peakRss);
    }

    /**
     * Unmeasured users and one group of them, so the JIT, connection pool and database caches are
     * warm for both phases' code paths before timing starts. Separate names ("w" namespace) keep
     * them out of the measured plan.
     */
    static long warmup(SyncRunner runner, BenchOptions options) throws InterruptedException {
        if (options.warmupUsers() == 0) {
            return 0;
        }
        SyncPlan warm = SyncPlan.generate(options.seed(), "w", options.warmupUsers(), options.groups() > 0 ? 1 : 0, 1);
        log("warmup: " + warm.users().size() + " users, " + warm.groups().size() + " group");
        AtomicReferenceArray<String> ids = new AtomicReferenceArray<>(warm.users().size());
        long errors = runner.runUsers(warm.users(), ids).stats().totalErrors();
        return errors + runner.runGroups(warm.groups(), ids).stats().totalErrors();
    }

    /** Daemon threads: a stuck request must not keep the JVM alive after main has given up. */
    static java.util.concurrent.ThreadFactory workerThreads() {
        AtomicInteger next = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "bench-worker-" + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void log(String message) {
        System.err.println("[entra-sync-bench] " + message);
    }
}
