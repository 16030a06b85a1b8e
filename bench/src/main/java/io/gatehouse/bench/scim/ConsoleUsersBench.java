package io.gatehouse.bench.scim;

import io.gatehouse.bench.scim.SyncPlan.PlannedUser;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * How fast the console's Users page answers for a company with many users: seeds the company through SCIM
 * (POST /Users from {@code concurrency} workers, the way Entra creates users), makes its administrator with the
 * operator API's setup link, signs in with a password like a browser (session and CSRF cookies), then times
 * {@code GET /console/users} for the first page, a userName-prefix search, a display-name search and a page deep in
 * the list (the keyset "Next page" link after a userName in the middle). Each case is warmed up, then timed {@code repeats} times sequentially; p50/p99/max in milliseconds.
 *
 * <pre>
 * java -cp … io.gatehouse.bench.scim.ConsoleUsersBench seed BASE_URL OPERATOR_TOKEN SCIM_USERS CONCURRENCY
 * java -cp … io.gatehouse.bench.scim.ConsoleUsersBench measure BASE_URL OPERATOR_TOKEN COMPANY_ID SCIM_USERS TOTAL_USERS
 *     REPEATS JSON_OUT
 * </pre>
 * Between the two, bench/run-console-users.sh may add users in bulk on PostgreSQL (see bench/README.md).
 * Exit code 0 when every request answered as expected, 1 otherwise, 2 for a bad command line.
 */
public final class ConsoleUsersBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern TOTAL = Pattern.compile("id=\"user-total\">\\(([^)]+)\\)<");
    private static final String PASSWORD = "bench password 0123456789";
    private static final int WARMUP = 20;

    /** One timed case: the page requested and a text its answer must contain. */
    record Case(String name, String path, String expect) {}

    private ConsoleUsersBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 5 && args[0].equals("seed")) {
            System.exit(seed(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4])));
        } else if (args.length == 8 && args[0].equals("measure")) {
            System.exit(measure(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                    Integer.parseInt(args[6]), Path.of(args[7])));
        }
        System.err.println(USAGE);
        System.exit(2);
    }

    static final String USAGE = """
            usage: ConsoleUsersBench seed BASE_URL OPERATOR_TOKEN SCIM_USERS CONCURRENCY
                     (creates a company, its users through SCIM; prints the company id)
                   ConsoleUsersBench measure BASE_URL OPERATOR_TOKEN COMPANY_ID SCIM_USERS TOTAL_USERS REPEATS JSON_OUT""";

    /** Creates the company and SCIM_USERS users through SCIM; prints the company id on stdout. */
    static int seed(String base, String operatorToken, int users, int concurrency) throws Exception {
        CloseableHttpClient http = BearerClient.newHttpClient();
        BearerClient operator = new BearerClient(http, base + "/operator/v1", operatorToken, "application/json");
        OperatorSetup.Tenant tenant = OperatorSetup.createTenant(operator, "console-users-bench " + users, "premium");
        log("company " + tenant.companyId());
        long start = System.nanoTime();
        long failed = seed(new BearerClient(http, base + "/scim/v2", tenant.scimToken(), "application/scim+json"),
                plan(users).users(), concurrency);
        double seconds = (System.nanoTime() - start) / 1e9;
        log(String.format(Locale.ROOT, "created %d users through SCIM in %.1f s (%.0f/s), %d failed", users,
                seconds, users / seconds, failed));
        System.out.println(tenant.companyId());
        return failed == 0 ? 0 : 1;
    }

    /** Signs in as the company's administrator and times the Users page cases. */
    static int measure(String base, String operatorToken, String companyId, int scimUsers, int totalUsers,
                       int repeats, Path jsonOut) throws Exception {
        CloseableHttpClient http = BearerClient.newHttpClient();
        BearerClient operator = new BearerClient(http, base + "/operator/v1", operatorToken, "application/json");
        HttpClient browser = signedInAdmin(operator, companyId, base);
        PlannedUser middle = plan(scimUsers).users().get(scimUsers / 2);
        String prefix = middle.userName().substring(0, middle.userName().indexOf('@'));
        List<Case> cases = List.of(
                new Case("first page", "/console/users", "data-user="),
                new Case("userName prefix search", "/console/users?q=" + enc(prefix), middle.userName()),
                new Case("display-name search", "/console/users?q=" + enc(middle.familyName().toLowerCase(Locale.ROOT)),
                        middle.familyName()),
                // the "Next page" link of a page in the middle of the list carries that page's last userName
                new Case("deep page", "/console/users?after=" + enc(middle.userName()), "rel=\"prev\""));

        Map<String, long[]> results = new LinkedHashMap<>();
        boolean ok = true;
        for (Case c : cases) {
            long[] nanos = time(browser, base, c, repeats);
            ok &= nanos != null;
            results.put(c.name() + " (" + c.path() + ")", nanos == null ? new long[] {0} : nanos);
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Users page, %d users, %d timed requests per case (after %d warm-up)%n", totalUsers, repeats, WARMUP));
        var json = JSON.createObjectNode().put("users", totalUsers).put("scimUsers", scimUsers).put("repeats", repeats);
        var jsonCases = json.putArray("cases");
        results.forEach((name, sorted) -> {
            double p50 = LatencyRecorder.nearestRank(sorted, 0.50) / 1e6;
            double p99 = LatencyRecorder.nearestRank(sorted, 0.99) / 1e6;
            double max = sorted[sorted.length - 1] / 1e6;
            text.append(String.format(Locale.ROOT, "  %-70s p50 %7.1f ms   p99 %7.1f ms   max %7.1f ms%n",
                    name, p50, p99, max));
            jsonCases.addObject().put("case", name).put("p50Ms", p50).put("p99Ms", p99).put("maxMs", max);
        });
        System.out.print(text);
        Files.writeString(jsonOut, JSON.writeValueAsString(json));
        return ok ? 0 : 1;
    }

    /** The sorted latencies of {@code repeats} requests after {@link #WARMUP} unmeasured ones, or null on a wrong answer. */
    private static long[] time(HttpClient browser, String base, Case c, int repeats) throws Exception {
        long[] nanos = new long[repeats];
        for (int i = -WARMUP; i < repeats; i++) {
            long start = System.nanoTime();
            HttpResponse<String> r = get(browser, base + c.path());
            long took = System.nanoTime() - start;
            if (r.statusCode() != 200 || !r.body().contains(c.expect())) {
                log(c.name() + ": HTTP " + r.statusCode() + " without \"" + c.expect() + "\"");
                return null;
            }
            if (i == -WARMUP) {
                Matcher m = TOTAL.matcher(r.body());
                log(c.name() + " " + c.path() + ": " + (m.find() ? m.group(1) : "?") + " matching users");
            }
            if (i >= 0) {
                nanos[i] = took;
            }
        }
        java.util.Arrays.sort(nanos);
        return nanos;
    }

    private static SyncPlan plan(int users) {
        return SyncPlan.generate(1, "u", users, 0, 0);
    }

    /** POST /Users for every planned user from {@code concurrency} workers; returns how many failed. */
    private static long seed(BearerClient scim, List<PlannedUser> users, int concurrency) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger next = new AtomicInteger();
        AtomicLong failed = new AtomicLong();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < users.size(); i = next.getAndIncrement()) {
                        BearerClient.Response r = scim.send("POST", "/Users",
                                EntraRequests.createUserBody(users.get(i), null));
                        if (r.status() != 201) {
                            failed.incrementAndGet();
                        }
                        if (i > 0 && i % 20_000 == 0) {
                            log("  " + i + " users");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return failed.get();
    }

    /** The company's administrator from the operator API, signed in through the setup link with a password. */
    private static HttpClient signedInAdmin(BearerClient operator, String companyId, String base) throws Exception {
        String body = JSON.writeValueAsString(JSON.createObjectNode()
                .put("email", "bench-admin@console-users.bench.example.com").put("displayName", "Bench Admin"));
        BearerClient.Response admin = operator.send("POST", "/companies/" + companyId + "/admins", body);
        if (admin.status() != 201) {
            throw new IllegalStateException("admin not created: HTTP " + admin.status() + " " + admin.body());
        }
        String setupPath = URI.create(JSON.readTree(admin.body()).get("setupLink").stringValue()).getPath();
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10))
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
        Matcher csrf = CSRF.matcher(get(browser, base + setupPath).body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF field on the setup page");
        }
        String form = "_csrf=" + enc(csrf.group(1)) + "&password=" + enc(PASSWORD) + "&confirm=" + enc(PASSWORD);
        HttpResponse<String> done = browser.send(HttpRequest.newBuilder(URI.create(base + setupPath))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (done.statusCode() != 302) {
            throw new IllegalStateException("password not set: HTTP " + done.statusCode());
        }
        return browser;
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void log(String message) {
        System.err.println("[console-users-bench] " + message);
    }
}
