package io.gatehouse.bench.scim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 13's events benchmark, one run against a running server (bench/run-events.sh runs it against a server with
 * {@code gatehouse.events.enabled=false} and one with {@code =true}, alternating): the Entra-shaped initial sync of
 * {@link EntraSyncBench} while a {@link WebhookReceiver} in this JVM is registered as the webhook endpoint of an
 * application serving the measured company. Reports the sync's users/s, and with events on the distinct events
 * received against those the sync must have caused, duplicates, events delivered per second and the latency from a
 * user's SCIM create returning 201 to its {@code user.created} webhook being received (one clock:
 * {@link System#nanoTime()} of this JVM). The setup is the same with events off, where no event may arrive.
 *
 * <pre>
 * EventsBench --events on|off [--drain-seconds 120] [--receiver-port 0] &lt;EntraSyncBench options&gt;
 * </pre>
 *
 * <p>Events expected with events on: the measured company's {@code company.directory_locked} (its first SCIM token
 * is issued after the endpoint is registered), one {@code user.created} per created user, one {@code group.created} per
 * created group and one {@code group.member_added} per member PATCH (at most 1,000 members per PATCH, the server's
 * ids per event). The warm-up users go to a second company that the application does not serve, so they warm the
 * outbox but are not delivered. Exit code 0 when the sync had no error and exactly the expected events arrived, each
 * once and correctly signed; 1 otherwise; 2 on a bad command line.
 */
public final class EventsBench {

    static final int MAX_MEMBERS_PER_PATCH = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The options of this benchmark; {@code sync} the EntraSyncBench options they wrap. */
    record Options(boolean eventsOn, int drainSeconds, int receiverPort, BenchOptions sync) {

        static Options parse(String... args) {
            List<String> rest = new ArrayList<>();
            Boolean on = null;
            int drain = 120;
            int port = 0;
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (!List.of("--events", "--drain-seconds", "--receiver-port").contains(flag)) {
                    rest.add(flag);
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + flag);
                }
                String value = args[++i];
                switch (flag) {
                    case "--events" -> on = switch (value) {
                        case "on" -> true;
                        case "off" -> false;
                        default -> throw new IllegalArgumentException("--events must be on or off: " + value);
                    };
                    case "--drain-seconds" -> drain = Integer.parseInt(value);
                    default -> port = Integer.parseInt(value);
                }
            }
            if (on == null) {
                throw new IllegalArgumentException("--events on|off is required (how the server was started)");
            }
            BenchOptions sync = BenchOptions.parse(rest.toArray(String[]::new));
            if (sync.isScale() || sync.scimToken() != null) {
                throw new IllegalArgumentException("the events bench runs the entra-sync scenario with --operator-token");
            }
            if (sync.membersPerPatch() > MAX_MEMBERS_PER_PATCH) {
                throw new IllegalArgumentException("--members-per-patch must be <= " + MAX_MEMBERS_PER_PATCH
                        + " (one member_added event per PATCH)");
            }
            if (drain < 1) {
                throw new IllegalArgumentException("--drain-seconds must be >= 1");
            }
            return new Options(on, drain, port, sync);
        }
    }

    private EventsBench() {}

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            BenchOptions.exitWithUsage(e, "usage: EventsBench --events on|off [--drain-seconds N] [--receiver-port N]"
                    + " <EntraSyncBench options>\n");
            return;
        }
        System.exit(run(options));
    }

    static int run(Options options) throws IOException, InterruptedException {
        BenchOptions sync = options.sync();
        CloseableHttpClient http = BearerClient.newHttpClient();
        BearerClient operator = new BearerClient(http, sync.baseUrl() + "/operator/v1", sync.operatorToken(),
                "application/json");
        ExecutorService pool = Executors.newFixedThreadPool(sync.concurrency(), EntraSyncBench.workerThreads());
        try (WebhookReceiver receiver = WebhookReceiver.start(options.receiverPort())) {
            String stamp = " seed " + sync.seed() + " " + Instant.now();
            // the endpoint first, then the company's first SCIM token: its company.directory_locked event is then
            // always delivered (an endpoint receives what is published after it was registered)
            String companyId = OperatorSetup.createCompany(operator, "events-bench" + stamp, sync.plan());
            receiver.secret(registerEndpoint(operator, companyId, receiver.url()));
            OperatorSetup.Tenant measured = new OperatorSetup.Tenant(companyId,
                    OperatorSetup.issueScimToken(operator, companyId));
            OperatorSetup.Tenant warm = OperatorSetup.createTenant(operator, "events-bench warm-up" + stamp,
                    sync.plan());
            log("company " + measured.companyId() + ", webhook endpoint " + receiver.url() + " (events "
                    + (options.eventsOn() ? "on" : "off") + ")");

            ErrorSamples errorSamples = new ErrorSamples(5);
            SyncRunner warmRunner = runner(http, sync, warm, pool, errorSamples);
            SyncRunner runner = runner(http, sync, measured, pool, errorSamples);
            if (!runner.testConnection(UUID.randomUUID().toString())) {
                System.err.println("test connection failed:\n  " + String.join("\n  ", errorSamples.samples()));
                return 1;
            }
            long warmupErrors = EntraSyncBench.warmup(warmRunner, sync);

            SyncPlan plan = SyncPlan.generate(sync.seed(), "u", sync.users(), sync.groups(), sync.groupsPerUser());
            AtomicReferenceArray<String> userIds = new AtomicReferenceArray<>(plan.users().size());
            AtomicReferenceArray<String> groupIds = new AtomicReferenceArray<>(plan.groups().size());
            long[] createdAt = new long[plan.users().size()];
            log("users: " + plan.users().size() + " on " + sync.concurrency() + " workers");
            long syncStart = System.nanoTime();
            SyncRunner.PhaseResult users = runner.runUsers(plan.users(), userIds, createdAt);
            log("groups: " + plan.groups().size());
            SyncRunner.PhaseResult groups = runner.runGroups(plan.groups(), userIds, groupIds);
            long syncEnd = System.nanoTime();

            long expected = options.eventsOn() ? expectedEvents(userIds, groupIds, groups.stats()) : 0;
            log("sync done; waiting for " + expected + " events (" + receiver.unique() + " received so far)");
            long drainedAt = drain(receiver, expected, options.drainSeconds());
            ObjectNode report = report(options, users, groups, warmupErrors, syncStart, syncEnd, drainedAt, expected,
                    receiver, plan, userIds, createdAt);
            report.put("companyId", measured.companyId());
            report.putPOJO("errorSamples", errorSamples.samples());
            System.out.print(toText(report));
            if (sync.jsonOut() != null) {
                Files.writeString(sync.jsonOut(), JSON.writeValueAsString(report));
            }
            return report.path("ok").asBoolean() ? 0 : 1;
        } catch (RuntimeException e) {
            System.err.println("events bench setup failed: " + e.getMessage());
            return 1;
        } finally {
            pool.shutdownNow();
        }
    }

    private static SyncRunner runner(CloseableHttpClient http, BenchOptions sync, OperatorSetup.Tenant tenant,
                                     ExecutorService pool, ErrorSamples errorSamples) {
        BearerClient scim = new BearerClient(http, sync.baseUrl() + "/scim/v2", tenant.scimToken(),
                EntraSyncBench.SCIM_MEDIA_TYPE);
        return new SyncRunner(scim, pool, sync.concurrency(), sync.membersPerPatch(), errorSamples);
    }

    /** An application serving only {@code companyId}, and a webhook endpoint of it at {@code url}: its secret. */
    static String registerEndpoint(BearerClient operator, String companyId, String url)
            throws IOException, InterruptedException {
        ObjectNode app = JSON.createObjectNode().put("name", "events-bench receiver " + System.nanoTime())
                .put("clientType", "confidential");
        app.putArray("redirectUris").add("https://product.example.com/callback");
        app.putArray("companyIds").add(companyId);
        String appId = created(operator.send("POST", "/applications", JSON.writeValueAsString(app)), "application")
                .path("id").asString();
        ObjectNode endpoint = JSON.createObjectNode().put("url", url);
        JsonNode registered = created(operator.send("POST", "/applications/" + EntraRequests.encode(appId)
                + "/webhooks", JSON.writeValueAsString(endpoint)), "webhook endpoint");
        return registered.path("secret").asString();
    }

    private static JsonNode created(BearerClient.Response response, String what) {
        if (response.status() != 201) {
            throw new IllegalStateException("registering the " + what + " returned HTTP " + response.status() + ": "
                    + ErrorSamples.abbreviate(response.body())
                    + (what.startsWith("webhook") ? " (server started with allow-http-loopback=true?)" : ""));
        }
        return SyncRunner.parse(response.body());
    }

    /**
     * The events the measured company's changes record: its directory_locked (the first SCIM token), then one per
     * created user, created group and member PATCH.
     */
    static long expectedEvents(AtomicReferenceArray<String> userIds, AtomicReferenceArray<String> groupIds,
                               WorkerStats groupStats) {
        long n = 1;
        for (int i = 0; i < userIds.length(); i++) {
            n += userIds.get(i) == null ? 0 : 1;
        }
        for (int i = 0; i < groupIds.length(); i++) {
            n += groupIds.get(i) == null ? 0 : 1;
        }
        // a PATCH that answered other than 204 is timed and counted as an error; one that got no answer only as an
        // error: the run is failed by its errors either way, and a patch without answer may still have committed
        long patches = groupStats.latencies(RequestType.GROUP_PATCH).count() - groupStats.errors(RequestType.GROUP_PATCH);
        return n + Math.max(0, patches);
    }

    /**
     * Waits until {@code expected} distinct events have arrived (then 2 s more, for anything arriving twice or
     * beyond the expected), or until {@code quietSeconds} pass without a new one. With nothing expected it waits 5 s
     * (the publisher runs every 0.2 s, the delivery worker polls every 0.5 s). Returns when it stopped waiting.
     */
    static long drain(WebhookReceiver receiver, long expected, int quietSeconds) throws InterruptedException {
        long lastCount = receiver.unique();
        long lastProgress = System.nanoTime();
        long quietNanos = (expected == 0 ? 5L : quietSeconds) * 1_000_000_000L;
        while (receiver.unique() < expected || expected == 0) {
            Thread.sleep(50);
            long count = receiver.unique();
            if (count != lastCount) {
                lastCount = count;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > quietNanos) {
                return System.nanoTime();
            }
        }
        long done = System.nanoTime();
        Thread.sleep(2_000);
        return done;
    }

    static ObjectNode report(Options options, SyncRunner.PhaseResult users, SyncRunner.PhaseResult groups,
                             long warmupErrors, long syncStart, long syncEnd, long drainedAt, long expected,
                             WebhookReceiver receiver, SyncPlan plan, AtomicReferenceArray<String> userIds,
                             long[] createdAt) {
        WorkerStats all = new WorkerStats();
        all.merge(users.stats());
        all.merge(groups.stats());
        long requests = 0;
        for (RequestType type : RequestType.values()) {
            requests += all.latencies(type).count();
        }
        double usersSeconds = users.wallNanos() / 1e9;
        double syncSeconds = (users.wallNanos() + groups.wallNanos()) / 1e9;
        long syncErrors = all.totalErrors() + warmupErrors;

        ObjectNode out = JSON.createObjectNode();
        out.put("label", options.sync().label());
        out.put("events", options.eventsOn() ? "on" : "off");
        ObjectNode opts = out.putObject("options");
        opts.put("users", options.sync().users()).put("groups", options.sync().groups())
                .put("concurrency", options.sync().concurrency()).put("warmupUsers", options.sync().warmupUsers())
                .put("membersPerPatch", options.sync().membersPerPatch())
                .put("groupsPerUser", options.sync().groupsPerUser()).put("seed", options.sync().seed())
                .put("drainSeconds", options.drainSeconds());
        ObjectNode s = out.putObject("sync");
        s.put("users", plan.users().size()).put("groups", plan.groups().size()).put("requests", requests)
                .put("usersWallSeconds", round(usersSeconds, 3)).put("wallSeconds", round(syncSeconds, 3))
                .put("usersPerSecond", round(plan.users().size() / usersSeconds, 1))
                .put("requestsPerSecond", round(requests / syncSeconds, 1)).put("errors", syncErrors);
        for (RequestType type : RequestType.values()) {
            LatencyRecorder.Summary summary = all.latencies(type).summarize();
            if (summary.count() > 0) {
                s.putObject(type.label()).put("count", summary.count()).put("p50Ms", ms(summary.p50()))
                        .put("p99Ms", ms(summary.p99())).put("errors", all.errors(type));
            }
        }

        long[] received = receiver.receiveTimes();
        Arrays.sort(received);
        long unique = received.length;
        ObjectNode e = out.putObject("delivery");
        e.put("expected", expected).put("received", unique).put("duplicates", receiver.duplicates())
                .put("refused", receiver.refused()).put("requests", receiver.requests());
        e.putPOJO("receivedByType", receiver.countsByType());
        long duringSync = Arrays.stream(received).filter(t -> t <= syncEnd).count();
        e.put("receivedDuringSync", duringSync);
        // the rate over the sync's events: the directory_locked event arrives before the warm-up, not with them
        long[] ofSync = Arrays.stream(received).filter(t -> t >= syncStart).toArray();
        if (ofSync.length > 1) {
            double window = (ofSync[ofSync.length - 1] - ofSync[0]) / 1e9;
            e.put("firstAfterSyncStartSeconds", round((ofSync[0] - syncStart) / 1e9, 3))
                    .put("firstToLastSeconds", round(window, 3))
                    .put("deliveredPerSecond", round((ofSync.length - 1) / window, 1))
                    .put("lastAfterSyncSeconds", round((ofSync[ofSync.length - 1] - syncEnd) / 1e9, 3));
        }
        e.put("waitedAfterSyncSeconds", round((drainedAt - syncEnd) / 1e9, 3));

        LatencyRecorder latency = new LatencyRecorder();
        long unmatched = 0;
        long clamped = 0;
        for (int i = 0; i < createdAt.length; i++) {
            String id = userIds.get(i);
            Long at = id == null ? null : receiver.userCreatedAt(id);
            if (at == null) {
                unmatched += id == null ? 0 : 1;
                continue;
            }
            long nanos = at - createdAt[i];
            // the event can only be published after the commit, but the client may read the 201 a moment after
            // the webhook arrived; such a sample counts as 0
            if (nanos < 0) {
                clamped++;
                nanos = 0;
            }
            latency.record(nanos);
        }
        LatencyRecorder.Summary l = latency.summarize();
        ObjectNode lat = out.putObject("latency");
        lat.put("matched", l.count()).put("unmatched", options.eventsOn() ? unmatched : 0).put("clampedToZero", clamped)
                .put("p50Ms", ms(l.p50())).put("p90Ms", ms(l.p90())).put("p99Ms", ms(l.p99())).put("maxMs", ms(l.max()));

        boolean ok = syncErrors == 0 && unique == expected && receiver.duplicates() == 0 && receiver.refused() == 0
                && (!options.eventsOn() || unmatched == 0);
        out.put("ok", ok);
        return out;
    }

    static String toText(JsonNode r) {
        JsonNode s = r.path("sync");
        JsonNode d = r.path("delivery");
        JsonNode l = r.path("latency");
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "events %s, %s: %,d users, %,d groups, %,d requests%n",
                r.path("events").asString(), r.path("label").asString(), s.path("users").asLong(),
                s.path("groups").asLong(), s.path("requests").asLong()));
        out.append(String.format(Locale.ROOT, "sync: %.1f users/s (users phase %.1f s), %.1f req/s overall, %d errors%n",
                s.path("usersPerSecond").asDouble(), s.path("usersWallSeconds").asDouble(),
                s.path("requestsPerSecond").asDouble(), s.path("errors").asLong()));
        out.append(String.format(Locale.ROOT, "events: expected %,d, received %,d (%,d during the sync), duplicates %d,"
                        + " refused %d; %s%n", d.path("expected").asLong(), d.path("received").asLong(),
                d.path("receivedDuringSync").asLong(), d.path("duplicates").asLong(), d.path("refused").asLong(),
                d.path("receivedByType")));
        if (d.has("deliveredPerSecond")) {
            out.append(String.format(Locale.ROOT, "delivery: %.1f events/s first to last of the sync's (%.1f s), the "
                            + "first %.1f s after the sync started, the last %.1f s after it ended%n",
                    d.path("deliveredPerSecond").asDouble(), d.path("firstToLastSeconds").asDouble(),
                    d.path("firstAfterSyncStartSeconds").asDouble(), d.path("lastAfterSyncSeconds").asDouble()));
        }
        if (l.path("matched").asLong() > 0) {
            out.append(String.format(Locale.ROOT, "latency SCIM 201 -> user.created received: p50 %.1f ms, p90 %.1f ms,"
                            + " p99 %.1f ms, max %.1f ms (%,d matched, %d unmatched)%n", l.path("p50Ms").asDouble(),
                    l.path("p90Ms").asDouble(), l.path("p99Ms").asDouble(), l.path("maxMs").asDouble(),
                    l.path("matched").asLong(), l.path("unmatched").asLong()));
        }
        out.append(r.path("ok").asBoolean() ? "OK\n" : "FAILED: errors, lost, extra, duplicate or refused events\n");
        return out.toString();
    }

    private static double ms(long nanos) {
        return round(nanos / 1e6, 2);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static void log(String message) {
        System.err.println("[events-bench] " + message);
    }
}
