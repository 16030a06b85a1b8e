package io.gatehouse.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.gatehouse.durability.ProvisioningClient.Change;
import io.gatehouse.durability.ProvisioningClient.UserState;
import io.gatehouse.support.Http;
import io.gatehouse.support.Operator;
import io.gatehouse.support.Scim;
import io.gatehouse.support.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Durability: the packaged server runs as its own process under a provisioning load of several concurrent SCIM
 * clients (creates, PUTs, multi-operation user PATCHes, deletes, group PATCHes adding and removing batches of
 * members) and is SIGKILLed at a seeded random moment, several times. After each restart on the same database
 * every request that was answered 2xx is reflected, the one request per client that was in flight is either
 * wholly applied or not at all, no PATCH is half applied, and the server serves again.
 * <p>
 * Runs on the database of the failsafe execution: H2 in file mode with the product's default URL (execution
 * {@code default}) and PostgreSQL (execution {@code it-postgres}). Seed: {@code -Dgatehouse.test.seed}.
 */
class KillDuringProvisioningIT {

    private static final long SEED = Long.getLong("gatehouse.test.seed", 6_2026_11_29L);
    private static final int ROUNDS = Integer.getInteger("gatehouse.test.kill-rounds", 3);
    private static final int CLIENTS = 4;

    @TempDir
    Path workDir;

    @Test
    void everyAcknowledgedWriteSurvivesSigkillAndNoPatchIsHalfApplied() throws Exception {
        TestDatabase db = TestDatabase.get();
        Random random = new Random(SEED);
        ServerProcess server = ServerProcess.start(workDir, db, "server-0");
        try {
            Operator operator = new Operator(server.http());
            Operator.TestCompany company = operator.premiumCompanyWithToken();
            Scim scim = new Scim(server.http(), company.scimToken());
            String groupId = scim.createGroup("Durability " + System.nanoTime());
            List<ProvisioningClient> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                ProvisioningClient client = new ProvisioningClient(i, random.nextLong(), groupId);
                client.setUp(scim);
                clients.add(client);
            }

            for (int round = 1; round <= ROUNDS; round++) {
                long killAfterMillis = 1_000 + random.nextInt(2_500);
                List<Thread> threads = new ArrayList<>();
                int ackedBefore = clients.stream().mapToInt(c -> c.acknowledged).sum();
                for (ProvisioningClient client : clients) {
                    client.scim = scim;
                    Thread t = new Thread(client, "provisioning-client-" + client.index);
                    t.start();
                    threads.add(t);
                }
                Thread.sleep(killAfterMillis);
                int exit = server.kill();
                assertThat(exit).as("SIGKILL (128 + 9) ended the server").isEqualTo(137);
                for (Thread t : threads) {
                    t.join(60_000);
                    assertThat(t.isAlive()).as(t.getName() + " stopped").isFalse();
                }
                int acked = clients.stream().mapToInt(c -> c.acknowledged).sum() - ackedBefore;
                System.out.printf("durability %s round %d: killed after %d ms, %d requests acknowledged%n",
                        db.kind(), round, killAfterMillis, acked);
                for (ProvisioningClient client : clients) {
                    assertThat(client.unexpected).as("refused requests during the load").isEmpty();
                }
                assertThat(acked).as("the kill came in the middle of a load").isGreaterThan(20);

                server = ServerProcess.start(workDir, db, "server-" + round);
                scim = new Scim(server.http(), company.scimToken());
                verify(scim, groupId, clients, round);
            }

            // Healthy after the last restart: writes and reads work.
            Http.Response created = scim.post("/Users", ProvisioningClient.userBody("after@durability.test", "x"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(scim.get("/Users/" + created.json().path("id").asString()).status()).isEqualTo(200);
        } catch (AssertionError | RuntimeException e) {
            System.err.println("Server log tail:\n" + server.logTail());
            throw e;
        } finally {
            server.stop();
        }
    }

    /**
     * Compares the restarted server's state with each client's model: the acknowledged state, or that state with
     * the client's in-flight request applied as a whole. Then adopts what was found, for the next round.
     */
    private static void verify(Scim scim, String groupId, List<ProvisioningClient> clients, int round) {
        Map<String, JsonNode> actualUsers = allUsers(scim);
        Http.Response group = scim.get("/Groups/" + groupId);
        assertThat(group.status()).as(group.toString()).isEqualTo(200);
        Set<String> members = new HashSet<>();
        group.json().path("members").forEach(m -> members.add(m.path("value").asString()));

        Set<String> known = new HashSet<>();
        for (ProvisioningClient client : clients) {
            Map<String, UserState> actual = new LinkedHashMap<>();
            actualUsers.forEach((userName, user) -> {
                if (userName.startsWith(client.prefix())) {
                    actual.put(userName, taggedState(user, round));
                }
            });
            boolean[] actualBatches = new boolean[ProvisioningClient.BATCHES];
            for (int b = 0; b < ProvisioningClient.BATCHES; b++) {
                List<String> batch = client.batchMembers.get(b);
                long present = batch.stream().filter(members::contains).count();
                assertThat(present).as("round %d: batch %d of client %d is in the group wholly or not at all",
                        round, b, client.index).isIn(0L, (long) batch.size());
                actualBatches[b] = present == batch.size();
                known.addAll(batch);
            }

            Change pending = client.pending;
            boolean asAcknowledged = actual.equals(client.users)
                    && java.util.Arrays.equals(actualBatches, client.batchInGroup);
            if (!asAcknowledged) {
                Map<String, UserState> withPending = new LinkedHashMap<>(client.users);
                boolean[] batchesWithPending = client.batchInGroup.clone();
                if (pending != null) {
                    if (pending.userName() != null) {
                        if (pending.user() == null) {
                            withPending.remove(pending.userName());
                        } else {
                            withPending.put(pending.userName(), pending.user());
                        }
                    }
                    pending.batches().forEach((b, in) -> batchesWithPending[b] = in);
                }
                if (pending == null || !actual.equals(withPending)
                        || !java.util.Arrays.equals(actualBatches, batchesWithPending)) {
                    fail("round %d, client %d: state after restart is neither the acknowledged one nor that with "
                                    + "the in-flight request (%s) applied.%nexpected users %s%nfound users    %s%n"
                                    + "expected batches %s, found %s", round, client.index, pending,
                            diff(client.users, actual), diff(actual, client.users),
                            java.util.Arrays.toString(client.batchInGroup), java.util.Arrays.toString(actualBatches));
                }
                client.apply(pending);
                if (pending.kind().equals("create")) {
                    client.ids.put(pending.userName(), actualUsers.get(pending.userName()).path("id").asString());
                }
            }
            client.pending = null;
        }
        assertThat(actualUsers.keySet()).as("no user that no client created").allMatch(
                u -> clients.stream().anyMatch(c -> u.startsWith(c.prefix())));
        assertThat(known).as("no member that no client added").containsAll(members);
    }

    /** The user's tag; every tagged attribute must carry the same one (a half-applied PUT/PATCH would not). */
    private static UserState taggedState(JsonNode user, int round) {
        String tag = user.path("displayName").asString();
        List<String> all = List.of(tag, user.path("title").asString(), user.path("name").path("givenName").asString(),
                user.path("name").path("familyName").asString());
        assertThat(new HashSet<>(all)).as("round %d: every attribute of one request applied together: %s", round,
                user).hasSize(1);
        return new UserState(tag);
    }

    private static Map<String, JsonNode> allUsers(Scim scim) {
        Map<String, JsonNode> users = new HashMap<>();
        int startIndex = 1;
        while (true) {
            Http.Response page = scim.get("/Users?startIndex=" + startIndex + "&count=500");
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            JsonNode resources = page.json().path("Resources");
            resources.forEach(u -> users.put(u.path("userName").asString(), u));
            if (resources.size() < 500) {
                return users;
            }
            startIndex += 500;
        }
    }

    private static Map<String, UserState> diff(Map<String, UserState> a, Map<String, UserState> b) {
        Map<String, UserState> d = new LinkedHashMap<>();
        a.forEach((k, v) -> {
            if (!v.equals(b.get(k))) {
                d.put(k, v);
            }
        });
        return d;
    }
}
