package io.gatehouse.bench.soak;

import io.gatehouse.saml.core.support.EntraResponse;
import io.gatehouse.saml.core.support.TestIdp;
import io.gatehouse.saml.core.support.TestKeys;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The soak test (issue #6): a steady, open-loop mix of SCIM sync (creates, updates, group PATCHes, lookups), SAML
 * sign-ins (IdP-initiated, Entra-shaped responses signed with saml-core's test IdP key, posted to the ACS) and
 * console reads (one signed-in administrator paging through Users and Groups) against a running Gatehouse, for a
 * number of minutes. Requests are started on a fixed schedule whatever the latency, so a slow server builds a
 * backlog instead of hiding it. Records errors and latency per type and minute, and the server's resident memory
 * (VmRSS) every few seconds; writes a markdown report. Exit code 1 if any request failed.
 *
 * <pre>
 * SoakBench --base-url URL --operator-token T --minutes M [--rate R] [--server-pid P] [--out report.md] [--seed S]
 * </pre>
 */
public final class SoakBench {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Request types and their share of the mix (percent). */
    enum Type {
        SCIM_CREATE(10), SCIM_UPDATE(20), SCIM_GROUP_PATCH(15), SCIM_LOOKUP(25), SAML_LOGIN(15), CONSOLE_READ(15);

        final int share;

        Type(int share) {
            this.share = share;
        }

        String label() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    private final String base;
    private final String operatorToken;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final HttpClient console = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
    private final Random random;
    private String companyId;
    private String scimToken;
    private final List<String> userIds = new CopyOnWriteArrayList<>();
    private final List<String> userNames = new CopyOnWriteArrayList<>();
    private final List<String> groupIds = new ArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();

    SoakBench(String base, String operatorToken, long seed) {
        this.base = base;
        this.operatorToken = operatorToken;
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        String base = require(o, "base-url");
        double minutes = Double.parseDouble(require(o, "minutes"));
        double rate = Double.parseDouble(o.getOrDefault("rate", "40"));
        long pid = Long.parseLong(o.getOrDefault("server-pid", "0"));
        Path out = Path.of(o.getOrDefault("out", "soak-report.md"));
        SoakBench bench = new SoakBench(base, require(o, "operator-token"), Long.parseLong(o.getOrDefault("seed", "6")));
        bench.setUp();
        SoakRecorder recorder = bench.run(Duration.ofMillis((long) (minutes * 60_000)), rate, pid);
        String report = recorder.markdown(base, rate, minutes);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        System.out.println(report);
        System.out.println("report written to " + out);
        System.exit(recorder.totalErrors() == 0 ? 0 : 1);
    }

    /** A premium company with SCIM token and SAML connection, 200 users in 10 groups, a signed-in administrator. */
    void setUp() throws Exception {
        companyId = json(send("POST", "/operator/v1/companies", operatorToken, "application/json",
                "{\"name\":\"Soak " + System.currentTimeMillis() + "\",\"plan\":\"premium\"}", 201)).path("id").asString();
        scimToken = json(send("POST", "/operator/v1/companies/" + companyId + "/scim-tokens", operatorToken, null,
                null, 201)).path("token").asString();
        send("PUT", "/operator/v1/companies/" + companyId + "/saml-connection", operatorToken, "application/xml",
                idpMetadata(), 200);
        for (int g = 0; g < 10; g++) {
            groupIds.add(json(scim("POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                    + "\"displayName\":\"Soak group " + g + "\",\"members\":[]}", 201)).path("id").asString());
        }
        for (int u = 0; u < 200; u++) {
            createUser();
        }
        String admin = userIds.get(0);
        send("PUT", "/operator/v1/companies/" + companyId + "/roles/users/" + admin + "/administrator", operatorToken,
                null, null, 204);
        HttpResponse<String> signedIn = console.send(acsPost(userNames.get(0)), HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 302) {
            throw new IllegalStateException("the console administrator could not sign in: " + signedIn.statusCode()
                    + " " + signedIn.body());
        }
    }

    SoakRecorder run(Duration duration, double rate, long serverPid) throws InterruptedException {
        SoakRecorder recorder = new SoakRecorder(Instant.now());
        ExecutorService workers = Executors.newFixedThreadPool(32);
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        long periodNanos = (long) (1_000_000_000L / rate);
        long end = recorder.startNanos() + duration.toNanos(); // no slot past the last minute
        clock.scheduleAtFixedRate(() -> {
            if (System.nanoTime() >= end) {
                return;
            }
            Type type = pick();
            long scheduled = System.nanoTime(); // latency counts from the slot, so a backlog shows (open loop)
            workers.execute(() -> {
                String error;
                try {
                    error = perform(type);
                } catch (Exception e) {
                    error = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
                recorder.record(type, scheduled, System.nanoTime() - scheduled, error);
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        if (serverPid > 0) {
            clock.scheduleAtFixedRate(() -> recorder.memory(ServerMemory.rssKb(serverPid)), 0, 5, TimeUnit.SECONDS);
        }
        Thread.sleep(duration.toMillis());
        clock.shutdownNow();
        workers.shutdown();
        workers.awaitTermination(2, TimeUnit.MINUTES);
        return recorder;
    }

    private synchronized Type pick() {
        int dice = random.nextInt(100);
        for (Type t : Type.values()) {
            if (dice < t.share) {
                return t;
            }
            dice -= t.share;
        }
        return Type.SCIM_LOOKUP;
    }

    private synchronized int index(int size) {
        return random.nextInt(size);
    }

    /** Performs one request of the type; null when it was answered as expected, else what went wrong. */
    String perform(Type type) throws Exception {
        return switch (type) {
            case SCIM_CREATE -> {
                createUser();
                yield null;
            }
            case SCIM_UPDATE -> {
                String id = userIds.get(1 + index(userIds.size() - 1));
                scim("PATCH", "/Users/" + id, patch("{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Soak "
                        + sequence.incrementAndGet() + "\"}"), 200);
                yield null;
            }
            case SCIM_GROUP_PATCH -> {
                String group = groupIds.get(index(groupIds.size()));
                String user = userIds.get(index(userIds.size()));
                String op = index(3) == 0 ? "Remove" : "Add";
                scim("PATCH", "/Groups/" + group, patch("{\"op\":\"" + op + "\",\"path\":\"members\",\"value\":[{\"value\":\""
                        + user + "\"}]}"), 204);
                yield null;
            }
            case SCIM_LOOKUP -> {
                String userName = userNames.get(index(userNames.size()));
                JsonNode found = json(scim("GET", "/Users?filter=" + URLEncoder.encode("userName eq \"" + userName
                        + "\"", StandardCharsets.UTF_8).replace("+", "%20"), null, 200));
                yield found.path("totalResults").asInt() == 1 ? null : "lookup of " + userName + " found "
                        + found.path("totalResults").asInt();
            }
            case SAML_LOGIN -> {
                HttpResponse<String> r = http.send(acsPost(userNames.get(1 + index(userNames.size() - 1))),
                        HttpResponse.BodyHandlers.ofString());
                boolean session = r.headers().allValues("Set-Cookie").stream()
                        .anyMatch(c -> c.startsWith("GATEHOUSE_SESSION="));
                yield r.statusCode() == 302 && session ? null : "ACS answered " + r.statusCode() + " " + r.body();
            }
            case CONSOLE_READ -> {
                String path = index(2) == 0 ? "/console/users?page=" + index(5) : "/console/groups";
                HttpResponse<String> r = console.send(HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
                yield r.statusCode() == 200 && r.body().contains("Soak") ? null
                        : path + " answered " + r.statusCode() + (r.statusCode() == 200 ? " without the data" : "");
            }
        };
    }

    private void createUser() throws Exception {
        int n = sequence.incrementAndGet();
        String userName = "soak" + n + "@soak.example";
        JsonNode created = json(scim("POST", "/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%1$s","active":true,
                 "displayName":"Soak %2$d","name":{"givenName":"Soak","familyName":"User %2$d"},
                 "emails":[{"primary":true,"type":"work","value":"%1$s"}]}""".formatted(userName, n), 201));
        userIds.add(created.path("id").asString());
        userNames.add(userName);
    }

    /** An IdP-initiated sign-in: a fresh Entra-shaped response for the user, signed, as the browser posts it. */
    private HttpRequest acsPost(String userName) {
        EntraResponse r = EntraResponse.now(base, companyId, null, userName);
        String form = "SAMLResponse=" + URLEncoder.encode(Base64.getEncoder().encodeToString(TestIdp.signAssertion(r)),
                StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(r.destination)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static String idpMetadata() {
        return "<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"" + EntraResponse.IDP
                + "\"><IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + "<KeyDescriptor use=\"signing\"><KeyInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><X509Data>"
                + "<X509Certificate>" + certificate() + "</X509Certificate></X509Data></KeyInfo></KeyDescriptor>"
                + "<SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\""
                + "https://login.microsoftonline.com/" + EntraResponse.TENANT + "/saml2\"/></IDPSSODescriptor>"
                + "</EntityDescriptor>";
    }

    private static String certificate() {
        try {
            return Base64.getEncoder().encodeToString(TestKeys.IDP.certificate().getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String patch(String operation) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + operation + "]}";
    }

    private String scim(String method, String path, String body, int expected) throws IOException, InterruptedException {
        return send(method, "/scim/v2" + path, scimToken, body == null ? null : "application/scim+json", body, expected);
    }

    private String send(String method, String path, String bearer, String contentType, String body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + bearer)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value pairs, got " + args[i]);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        return o;
    }

    private static String require(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null) {
            System.err.println("usage: SoakBench --base-url URL --operator-token T --minutes M [--rate R] "
                    + "[--server-pid P] [--out report.md] [--seed S]; missing --" + name);
            System.exit(2);
        }
        return v;
    }
}
