package io.gatehouse.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.EntraBodies;
import io.gatehouse.support.Scim;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Concurrent writes of users over two nodes (issue 6): uniqueness, If-Match and no lost updates. */
class UserConcurrencyIT extends TwoNodeTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    @Test
    void concurrentCreatesOfOneUserNameGiveExactlyOneCreatedAndConflictsForTheRest() {
        String token = premiumCompany()[1];
        for (int round = 0; round < 3; round++) {
            String userName = "Twin" + round + "@Contoso.test";
            int n = 16;
            // Case variants of the same userName: uniqueness is case-insensitive.
            List<Node.Response> answers = Race.run(n, i -> node(i).scim("POST", "/Users", token,
                    EntraBodies.user(i % 4 == 0 ? userName : i % 4 == 1 ? userName.toLowerCase(Locale.ROOT)
                            : i % 4 == 2 ? userName.toUpperCase(Locale.ROOT) : userName)));

            assertThat(answers.stream().filter(r -> r.status() == 201)).as(answers.toString()).hasSize(1);
            assertThat(answers.stream().filter(r -> r.status() != 201)).hasSize(n - 1).allSatisfy(r -> {
                assertThat(r.status()).as(r.toString()).isEqualTo(409);
                assertThat(r.json().path("scimType").asString()).isEqualTo("uniqueness");
            });
            String created = answers.stream().filter(r -> r.status() == 201).findFirst().orElseThrow()
                    .json().path("id").asString();
            JsonNode found = b().scim("GET", "/Users?filter=" + Scim.filter("userName eq \"" + userName + "\""),
                    token, null).json();
            assertThat(found.path("totalResults").asInt()).isEqualTo(1);
            assertThat(found.path("Resources").get(0).path("id").asString()).isEqualTo(created);
        }
    }

    @Test
    void concurrentRenamesOfDifferentUsersToOneUserNameLetExactlyOneWin() {
        String token = premiumCompany()[1];
        int n = 16;
        List<String> ids = IntStream.range(0, n)
                .mapToObj(i -> node(i).createUser(token, "rename" + i + "@contoso.test")).toList();

        List<Node.Response> answers = Race.run(n, i -> node(i + 1).scim("PATCH", "/Users/" + ids.get(i), token,
                EntraBodies.patch("[{\"op\":\"Replace\",\"path\":\"userName\",\"value\":\"Taken@contoso.test\"}]")));

        assertThat(answers.stream().filter(r -> r.status() == 200)).as(answers.toString()).hasSize(1);
        assertThat(answers.stream().filter(r -> r.status() != 200)).allSatisfy(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(409);
            assertThat(r.json().path("scimType").asString()).isEqualTo("uniqueness");
        });
        JsonNode found = a().scim("GET", "/Users?filter=" + Scim.filter("userName eq \"taken@contoso.test\""),
                token, null).json();
        assertThat(found.path("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void concurrentWritesWithIfMatchSucceedOncePerVersion() {
        String token = premiumCompany()[1];
        String userName = "versioned@contoso.test";
        String id = a().createUser(token, userName);
        for (int round = 0; round < 4; round++) {
            Node.Response before = node(round).scim("GET", "/Users/" + id, token, null);
            String etag = before.header("ETag");
            long version = Long.parseLong(etag.replaceAll("\\D", ""));
            int n = 16;
            int r = round;
            // Even tasks PUT the whole user, odd tasks PATCH displayName; every one names its own displayName.
            List<Node.Response> answers = Race.run(n, i -> {
                String display = "Round " + r + " writer " + i;
                Map<String, String> ifMatch = Map.of("If-Match", etag);
                if (i % 2 == 0) {
                    String body = EntraBodies.user(userName).replace("\"versioned Example\"", "\"" + display + "\"");
                    return node(i).scim("PUT", "/Users/" + id, token, body, ifMatch);
                }
                return node(i).scim("PATCH", "/Users/" + id, token, EntraBodies.patch(
                        "[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"" + display + "\"}]"), ifMatch);
            });

            List<Integer> winners = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Node.Response answer = answers.get(i);
                assertThat(answer.status()).as(answer.toString()).isIn(200, 412);
                if (answer.status() == 200) {
                    winners.add(i);
                }
            }
            assertThat(winners).as(answers.toString()).hasSize(1);
            int winner = winners.get(0);
            Node.Response after = node(round + 1).scim("GET", "/Users/" + id, token, null);
            assertThat(after.json().path("displayName").asString()).isEqualTo("Round " + r + " writer " + winner);
            assertThat(after.header("ETag")).isEqualTo("W/\"" + (version + 1) + "\"")
                    .isEqualTo(answers.get(winner).header("ETag"));
            assertThat(after.json().path("userName").asString()).isEqualTo(userName);
        }
    }

    @Test
    void concurrentPatchesOfDifferentAttributesWithoutIfMatchLoseNoUpdate() {
        String token = premiumCompany()[1];
        String id = a().createUser(token, "many.writers@contoso.test");
        List<String[]> changes = List.of(
                new String[] {"title", "Engineer"},
                new String[] {"nickName", "mw"},
                new String[] {"displayName", "Many Writers"},
                new String[] {"userType", "Employee"},
                new String[] {"preferredLanguage", "en-US"},
                new String[] {"locale", "en-GB"},
                new String[] {"timezone", "Europe/Berlin"},
                new String[] {"name.givenName", "Many"},
                new String[] {"name.familyName", "Writers"},
                new String[] {ENTERPRISE + ":department", "Research"},
                new String[] {ENTERPRISE + ":costCenter", "CC-7"},
                new String[] {ENTERPRISE + ":organization", "Contoso"},
                new String[] {ENTERPRISE + ":division", "Labs"},
                new String[] {ENTERPRISE + ":employeeNumber", "4711"});

        List<Node.Response> answers = Race.run(changes.size(), i -> node(i).scim("PATCH", "/Users/" + id, token,
                EntraBodies.patch("[{\"op\":\"Replace\",\"path\":\"" + changes.get(i)[0] + "\",\"value\":\""
                        + changes.get(i)[1] + "\"}]")));

        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        Node.Response after = b().scim("GET", "/Users/" + id, token, null);
        JsonNode user = after.json();
        for (String[] change : changes) {
            String path = change[0];
            JsonNode value = path.startsWith(ENTERPRISE)
                    ? user.path(ENTERPRISE).path(path.substring(ENTERPRISE.length() + 1))
                    : path.startsWith("name.") ? user.path("name").path(path.substring(5)) : user.path(path);
            assertThat(value.asString()).as(path).isEqualTo(change[1]);
        }
        assertThat(after.header("ETag")).isEqualTo("W/\"" + (1 + changes.size()) + "\"");
    }
}
