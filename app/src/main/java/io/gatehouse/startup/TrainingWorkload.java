package io.gatehouse.startup;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The training run of {@code ./run-server.sh}'s class cache (issue 16, "cold is a product problem"): started once
 * per build against a scratch H2 database with {@code gatehouse.training.workload=true}, the server sends itself
 * the requests Entra sends (user lookups, creates, PATCHes of {@code active} and attributes, groups and their
 * members, paged listings) over loopback HTTP, through every filter, controller and SQL statement a real sync
 * passes, and then exits. The JVM writes the class cache at exit: every class those requests loaded (Java 17-24,
 * dynamic CDS) and, on Java 25+, the method profiles they gathered (AOT cache, JEP 515), so a node that has just
 * started serves its first SCIM requests without loading, linking and profiling them first. Never enabled in a
 * deployment: the switch is set only by the launcher's training run.
 */
@Component
@ConditionalOnProperty(name = "gatehouse.training.workload", havingValue = "true")
class TrainingWorkload implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(TrainingWorkload.class);
    private static final int WORKERS = 4;

    private final JsonMapper json;
    private final Environment environment;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TrainingWorkload(JsonMapper json, Environment environment) {
        this.json = json;
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        int status = 0;
        try {
            int port = ((WebServerApplicationContext) event.getApplicationContext()).getWebServer().getPort();
            run("http://127.0.0.1:" + port, environment.getRequiredProperty("gatehouse.operator-token"),
                    environment.getProperty("gatehouse.training.cycles", Integer.class, 600));
        } catch (Exception e) {
            log.warn("training workload failed: {}", e.toString());
            status = 1;
        }
        int exit = status;
        System.exit(SpringApplication.exit(event.getApplicationContext(), () -> exit));
    }

    void run(String base, String operatorToken, int cycles) throws Exception {
        long started = System.nanoTime();
        String company = field(send("POST", base + "/operator/v1/companies", operatorToken,
                "{\"name\":\"Class cache training\",\"plan\":\"premium\"}", 201), "id");
        String token = field(send("POST", base + "/operator/v1/companies/" + company + "/scim-tokens",
                operatorToken, "{}", 201), "token");
        String scim = base + "/scim/v2";
        send("GET", scim + "/ServiceProviderConfig", token, null, 200);
        send("GET", scim + "/Schemas", token, null, 200);
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                int worker = w;
                running.add(pool.submit(() -> {
                    for (int i = worker; i < cycles; i += WORKERS) {
                        cycle(scim, token, i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        send("GET", scim + "/Users?startIndex=1&count=100", token, null, 200);
        send("GET", scim + "/Groups?startIndex=1&count=50&excludedAttributes=members", token, null, 200);
        log.info("training workload: {} Entra cycles in {} ms", cycles, (System.nanoTime() - started) / 1_000_000);
    }

    /** One user as Entra syncs it: lookup, create, attribute PATCH, deactivation; every tenth also a group. */
    private void cycle(String scim, String token, int i) throws IOException, InterruptedException {
        String userName = "training." + i + "@training.invalid";
        send("GET", scim + "/Users?filter=" + URLEncoder.encode("userName eq \"" + userName + "\"",
                StandardCharsets.UTF_8), token, null, 200);
        String id = field(send("POST", scim + "/Users", token, user(userName, i), 201), "id");
        send("PATCH", scim + "/Users/" + id, token, patch("replace", "displayName", "\"Training User " + i + " (r)\""), 200);
        send("GET", scim + "/Users/" + id, token, null, 200);
        if (i % 10 == 0) {
            String group = field(send("POST", scim + "/Groups", token,
                    "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"Training group "
                            + i + "\",\"externalId\":\"training-group-" + i + "\"}", 201), "id");
            send("PATCH", scim + "/Groups/" + group, token,
                    patch("add", "members", "[{\"value\":\"" + id + "\"}]"), 204);
            send("GET", scim + "/Groups/" + group, token, null, 200);
            send("GET", scim + "/Groups?filter=" + URLEncoder.encode("displayName eq \"Training group " + i + "\"",
                    StandardCharsets.UTF_8) + "&excludedAttributes=members", token, null, 200);
        }
        send("PATCH", scim + "/Users/" + id, token, patch("replace", "active", "false"), 200);
    }

    private static String user(String userName, int i) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"training-%d","userName":"%s","active":true,"displayName":"Training User %d",
                 "emails":[{"primary":true,"type":"work","value":"%s"}],"meta":{"resourceType":"User"},
                 "name":{"formatted":"Training User %d","familyName":"User%d","givenName":"Training"},"roles":[],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"R&D",
                   "employeeNumber":"%d"}}
                """.formatted(i, userName, i, userName, i, i, i);
    }

    private static String patch(String op, String path, String value) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"" + op
                + "\",\"path\":\"" + path + "\",\"value\":" + value + "}]}";
    }

    private String send(String method, String uri, String bearer, String body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", uri.contains("/scim/") ? "application/scim+json" : "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IOException(method + " " + URI.create(uri).getPath() + " answered " + response.statusCode()
                    + ", expected " + expected);
        }
        return response.body();
    }

    private String field(String body, String name) {
        JsonNode value = json.readTree(body).get(name);
        if (value == null) {
            throw new IllegalStateException("no " + name + " in the answer");
        }
        return value.asString();
    }
}
