package io.gatehouse.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.EntraBodies;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Concurrent membership changes of one group, spread over two nodes (issue 6). Each request touches members no
 * other request touches, so the final member list is the same for every serial order of the acknowledged
 * requests: it must be exactly initial − removed + added.
 */
class GroupConcurrencyIT extends TwoNodeTest {

    private static final int ROUNDS = 3;

    @Test
    void sixteenConcurrentPatchesOverBothNodesLoseNoMembershipChange() {
        String token = premiumCompany()[1];
        for (int round = 0; round < ROUNDS; round++) {
            List<String> users = createUsers(token, "r" + round, 24);
            String group = node(round).createGroup(token, "Race " + round);
            List<String> initial = users.subList(0, 8);
            Node.Response seeded = a().scim("PATCH", "/Groups/" + group, token, add(initial));
            assertThat(seeded.status()).isEqualTo(204);
            List<String> added = users.subList(8, 24);     // 16 PATCHes, each adding a different member
            List<String> removed = users.subList(0, 6);    // 6 PATCHes, each removing a member added above

            List<Node.Response> answers = Race.run(added.size() + removed.size(), i -> {
                String body = i < added.size() ? add(List.of(added.get(i))) : remove(removed.get(i - added.size()));
                return node(i).scim("PATCH", "/Groups/" + group, token, body);
            });

            assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(204));
            Set<String> expected = new HashSet<>(users);
            removed.forEach(expected::remove);
            assertThat(members(a(), token, group)).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(members(b(), token, group)).containsExactlyInAnyOrderElementsOf(expected);
            // Every acknowledged PATCH is one version step: none was applied on top of a stale read.
            assertThat(b().scim("GET", "/Groups/" + group, token, null).header("ETag"))
                    .isEqualTo("W/\"" + (2 + answers.size()) + "\"");
        }
    }

    @Test
    void concurrentAddsAndRemovesWithoutIfMatchEndAsASerialOrderOfTheAcknowledgedRequests() {
        String token = premiumCompany()[1];
        for (int round = 0; round < ROUNDS; round++) {
            int n = 16;
            List<String> toRemove = createUsers(token, "old" + round, n);
            List<String> toAdd = createUsers(token, "new" + round, 2 * n);
            String group = node(round + 1).createGroup(token, "Churn " + round);
            assertThat(b().scim("PATCH", "/Groups/" + group, token, add(toRemove)).status()).isEqualTo(204);

            // Request i, in one PATCH: adds two members, removes one (Entra's filter form), on node i % 2.
            List<Node.Response> answers = Race.run(n, i -> node(i).scim("PATCH", "/Groups/" + group, token,
                    EntraBodies.patch("[" + addOp(List.of(toAdd.get(2 * i), toAdd.get(2 * i + 1))) + ","
                            + removeOp(toRemove.get(i)) + "]")));

            Set<String> expected = new HashSet<>(toRemove);
            int acknowledged = 0;
            for (int i = 0; i < n; i++) {
                Node.Response r = answers.get(i);
                // 204 = applied; 503 = refused as busy with nothing changed (the client retries); nothing else.
                assertThat(r.status()).as(r.toString()).isIn(204, 503);
                if (r.status() == 204) {
                    acknowledged++;
                    expected.add(toAdd.get(2 * i));
                    expected.add(toAdd.get(2 * i + 1));
                    expected.remove(toRemove.get(i));
                }
            }
            assertThat(members(a(), token, group)).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(a().scim("GET", "/Groups/" + group, token, null).header("ETag"))
                    .isEqualTo("W/\"" + (2 + acknowledged) + "\"");
        }
    }

    @Test
    void addingMembersWhileTheyAreDeletedNeverFailsWithA500() {
        String token = premiumCompany()[1];
        for (int round = 0; round < ROUNDS; round++) {
            int n = 8;
            List<String> doomed = createUsers(token, "doomed" + round, n);
            List<String> keepers = createUsers(token, "keep" + round, n);
            String group = a().createGroup(token, "Doomed " + round);

            // Task i < n deletes doomed[i]; task n + i adds doomed[i] and keepers[i] in one PATCH.
            List<Node.Response> answers = Race.run(2 * n, i -> i < n
                    ? node(i).scim("DELETE", "/Users/" + doomed.get(i), token, null)
                    : node(i + 1).scim("PATCH", "/Groups/" + group, token,
                            add(List.of(doomed.get(i - n), keepers.get(i - n)))));

            Set<String> expected = new HashSet<>();
            for (int i = 0; i < n; i++) {
                Node.Response deleted = answers.get(i);
                Node.Response patched = answers.get(n + i);
                assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
                // Either the PATCH came first (then the delete removed the membership with the user) or it saw
                // the user gone and refused the whole request (400 invalidValue); busy (503) changes nothing.
                assertThat(patched.status()).as(patched.toString()).isIn(204, 400, 503);
                if (patched.status() == 400) {
                    assertThat(patched.json().path("scimType").asString()).isEqualTo("invalidValue");
                }
                if (patched.status() == 204) {
                    expected.add(keepers.get(i));
                }
            }
            assertThat(members(b(), token, group)).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /**
     * A scope change in Entra deprovisions users and groups while other groups are still being patched: deletes
     * of users and of groups sharing memberships, and membership PATCHes, all at once over both nodes. Every
     * request must be applied (no 500, and no 503 from a deadlock between them).
     */
    @Test
    void deprovisioningUsersAndGroupsWhilePatchingOtherGroupsAppliesEveryRequest() {
        String token = premiumCompany()[1];
        for (int round = 0; round < 2; round++) {
            List<String> doomedUsers = createUsers(token, "gone" + round, 8);
            List<String> survivors = createUsers(token, "stay" + round, 8);
            List<String> fresh = createUsers(token, "fresh" + round, 12);
            List<String> everyone = new ArrayList<>(doomedUsers);
            everyone.addAll(survivors);
            List<String> doomedGroups = new ArrayList<>();
            List<String> keptGroups = new ArrayList<>();
            for (int g = 0; g < 4; g++) {
                doomedGroups.add(node(g).createGroup(token, "Gone " + round + "-" + g));
                keptGroups.add(node(g + 1).createGroup(token, "Kept " + round + "-" + g));
            }
            for (String group : concat(doomedGroups, keptGroups)) {
                assertThat(a().scim("PATCH", "/Groups/" + group, token, add(everyone)).status()).isEqualTo(204);
            }

            // Tasks 0-7 delete users, 8-11 delete groups, 12-23 patch kept group k % 4: remove survivor k / 4,
            // add fresh user k (distinct pairs, so every serial order gives the same result).
            List<Node.Response> answers = Race.run(24, i -> {
                if (i < 8) {
                    return node(i).scim("DELETE", "/Users/" + doomedUsers.get(i), token, null);
                }
                if (i < 12) {
                    return node(i).scim("DELETE", "/Groups/" + doomedGroups.get(i - 8), token, null);
                }
                int k = i - 12;
                return node(i).scim("PATCH", "/Groups/" + keptGroups.get(k % 4), token, EntraBodies.patch("["
                        + removeOp(survivors.get(k / 4)) + "," + addOp(List.of(fresh.get(k))) + "]"));
            });

            assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(204));
            for (int g = 0; g < 4; g++) {
                Set<String> expected = new HashSet<>(survivors);
                for (int k = 0; k < 12; k++) {
                    if (k % 4 == g) {
                        expected.remove(survivors.get(k / 4));
                        expected.add(fresh.get(k));
                    }
                }
                assertThat(members(node(g), token, keptGroups.get(g))).containsExactlyInAnyOrderElementsOf(expected);
                assertThat(b().scim("GET", "/Groups/" + doomedGroups.get(g), token, null).status()).isEqualTo(404);
            }
            for (String user : doomedUsers) {
                assertThat(a().scim("GET", "/Users/" + user, token, null).status()).isEqualTo(404);
            }
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    @Test
    void concurrentCreatesOfOneDisplayNameGiveExactlyOneCreatedAndConflictsForTheRest() {
        String token = premiumCompany()[1];
        for (int round = 0; round < ROUNDS; round++) {
            String displayName = "Twins " + round;
            int n = 16;
            List<Node.Response> answers = Race.run(n, i -> node(i).scim("POST", "/Groups", token,
                    EntraBodies.group(i % 2 == 0 ? displayName : displayName.toUpperCase(Locale.ROOT))));

            assertThat(answers.stream().filter(r -> r.status() == 201)).as(answers.toString()).hasSize(1);
            assertThat(answers.stream().filter(r -> r.status() != 201)).hasSize(n - 1).allSatisfy(r -> {
                assertThat(r.status()).as(r.toString()).isEqualTo(409);
                assertThat(r.json().path("scimType").asString()).isEqualTo("uniqueness");
            });
        }
    }

    private List<String> createUsers(String token, String prefix, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> node(i).createUser(token, prefix + "-" + i + "@contoso.test"))
                .toList();
    }

    static List<String> members(Node node, String token, String group) {
        Node.Response r = node.scim("GET", "/Groups/" + group, token, null);
        Node.require(r, 200);
        List<String> out = new ArrayList<>();
        for (JsonNode m : r.json().path("members")) {
            out.add(m.path("value").asString());
        }
        return out;
    }

    static String add(List<String> userIds) {
        return EntraBodies.patch("[" + addOp(userIds) + "]");
    }

    static String remove(String userId) {
        return EntraBodies.patch("[" + removeOp(userId) + "]");
    }

    static String addOp(List<String> userIds) {
        StringBuilder values = new StringBuilder();
        for (String id : userIds) {
            values.append(values.isEmpty() ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
        }
        return "{\"op\":\"Add\",\"path\":\"members\",\"value\":[" + values + "]}";
    }

    static String removeOp(String userId) {
        return "{\"op\":\"Remove\",\"path\":\"members[value eq \\\"" + userId + "\\\"]\"}";
    }
}
