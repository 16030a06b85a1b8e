package io.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.security.HostileRequests.Probe;
import io.gatehouse.security.HostileRequests.World;
import io.gatehouse.support.EntraBodies;
import io.gatehouse.support.FormBrowser;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Scim;
import io.gatehouse.testsupport.FuzzSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Generated hostile requests ({@link HostileRequests}: bad percent-encoding, parameter floods, multipart and unknown
 * content types, odd methods, path tricks, header abuse, unparseable request lines, text that is not Unicode, wrong
 * schemas, and one company's credentials against the other company's ids) over raw sockets, against every path
 * family of a running server with two companies. Fails on any 5xx, any error answer not in its family's format, any
 * cross-tenant success or leak, any answer slower than 2 s, and a server that is not healthy or a company B whose
 * data changed afterwards. Requests: {@code -Dgatehouse.fuzz.hostile-requests} (a few hundred in the normal build,
 * 12,000 with {@code -Pfuzz}); seed: {@code -Dgatehouse.fuzz.seed}. See docs/security.md, "Hostile input".
 */
class HostileRequestsFuzzIT extends IntegrationTest {

    static final String REQUESTS_PROPERTY = "gatehouse.fuzz.hostile-requests";
    private static final int DEFAULT_REQUESTS = 300;
    private static final long SLOWEST_MILLIS = 2_000;
    private static final int FAILURES_SHOWN = 25;

    @Test
    void everyHostileRequestIsRefusedInItsFamilysFormatQuicklyAndNeverAcrossCompanies() throws IOException {
        World world = world();
        Scim b = new Scim(http(), world.bToken());
        String bBefore = state(b, world);
        HostileRequests generator = new HostileRequests(world);
        int requests = Integer.getInteger(REQUESTS_PROPERTY, DEFAULT_REQUESTS);
        long seed = FuzzSettings.seedFor("HostileRequestsFuzzIT");
        System.out.printf("[fuzz] HostileRequestsFuzzIT: %d requests, seed %d (from -D%s=%d)%n", requests, seed,
                FuzzSettings.SEED_PROPERTY, FuzzSettings.seed());

        SplittableRandom seeds = new SplittableRandom(seed);
        Map<String, Integer> perCategory = new TreeMap<>();
        Map<Integer, Integer> perStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int failed = 0;
        long slowest = 0;
        for (int i = 0; i < requests; i++) {
            Probe probe = generator.next(new SplittableRandom(seeds.nextLong()));
            RawHttp.Response r = RawHttp.send(port, probe.request().bytes());
            perCategory.merge(probe.category(), 1, Integer::sum);
            perStatus.merge(r.status(), 1, Integer::sum);
            slowest = Math.max(slowest, r.millis());
            String problem = problem(probe, r);
            if (problem != null) {
                failed++;
                if (failures.size() < FAILURES_SHOWN) {
                    failures.add("#" + i + " [" + probe.category() + ", " + probe.family() + "] " + problem
                            + "\n  request: " + probe.request() + "\n  answer: " + r);
                }
            }
        }
        System.out.printf("[fuzz] HostileRequestsFuzzIT: per category %s, per status %s, slowest %d ms%n", perCategory,
                perStatus, slowest);

        assertThat(failures).as("%d of %d hostile requests answered wrongly (seed %d); the first ones", failed,
                requests, seed).isEmpty();
        assertThat(http().get("/actuator/health", null).body()).contains("\"status\":\"UP\"");
        assertThat(new Scim(http(), world.aToken()).get("/Users?count=1").status()).isEqualTo(200);
        assertThat(state(b, world)).as("company B after the run").isEqualTo(bBefore);
    }

    private static String problem(Probe probe, RawHttp.Response r) {
        if (r.status() >= 500) {
            return "a server error";
        }
        if (r.millis() > SLOWEST_MILLIS) {
            return "answered in " + r.millis() + " ms";
        }
        if (probe.check() != null) {
            String problem = probe.check().problem(r);
            if (problem != null) {
                return problem;
            }
        }
        if (r.status() >= 400 || r.status() < 0) {
            return ErrorFormats.problem(probe.family(), probe.request().method(), r);
        }
        return null;
    }

    /** Company B's users, groups and their versions: what a cross-tenant request must never change. */
    private static String state(Scim b, World world) {
        Http.Response user = b.get("/Users/" + world.bUser());
        Http.Response group = b.get("/Groups/" + world.bGroup());
        return user.status() + " " + user.header("ETag") + " " + user.json().path("active") + " | "
                + group.status() + " " + group.header("ETag") + " " + group.json().path("members").size() + " | "
                + b.get("/Users?count=0").json().path("totalResults") + " users";
    }

    private World world() {
        String a = operator().createCompany("Fuzz A " + System.nanoTime(), "premium");
        String bId = operator().createCompany("Fuzz B " + System.nanoTime(), "premium");
        String c = operator().createCompany("Fuzz C " + System.nanoTime(), "standard");
        String aToken = operator().issueScimToken(a);
        String bToken = operator().issueScimToken(bId);
        Scim scimA = new Scim(http(), aToken);
        Scim scimB = new Scim(http(), bToken);
        String aUser = scimA.createUser("fuzz.a@a.example");
        String aGroup = withMember(scimA, scimA.createGroup("Fuzz A group"), aUser);
        String bUserName = "secret.b." + System.nanoTime() + "@b.example";
        String bGroupName = "Secret B group " + System.nanoTime();
        String bUser = scimB.createUser(bUserName);
        String bGroup = withMember(scimB, scimB.createGroup(bGroupName), bUser);

        // A company's SP keys are made on first use (seconds of RSA key generation on a busy machine): not what
        // this test measures
        assertThat(http().get("/saml/" + a + "/metadata", null).status()).isEqualTo(200);
        FormBrowser admin = Sessions.consoleAdmin(http(), a);
        String consoleCsrf = FormBrowser.csrfToken(admin.get("/console/spaces"));
        FormBrowser support = Sessions.supportTeam(http());
        String supportCsrf = FormBrowser.csrfToken(support.get("/support/companies"));
        return new World(a, aToken, aUser, aGroup, bId, bToken, bUser, bGroup, bUserName, bGroupName, c,
                Sessions.cookies(admin), consoleCsrf, Sessions.cookies(support), supportCsrf);
    }

    private static String withMember(Scim scim, String group, String user) {
        Http.Response added = scim.patch("/Groups/" + group, EntraBodies.patch(
                "[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + user + "\"}]}]"));
        assertThat(added.status()).as(added.toString()).isIn(200, 204);
        return group;
    }

}
