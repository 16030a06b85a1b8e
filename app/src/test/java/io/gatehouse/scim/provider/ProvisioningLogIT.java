package io.gatehouse.scim.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.EntraBodies;
import io.gatehouse.support.Http;
import io.gatehouse.support.Scim;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The operator's provisioning log records every SCIM request of a company, newest first, without secrets. */
class ProvisioningLogIT extends ProviderFixture {

    /**
     * The newest {@code limit} entries, once at least {@code expected} are there. The log is written
     * asynchronously ("within about 50 ms"), and an entry is queued only after the response has been
     * flushed to the client, so a read right after a request may briefly miss it.
     */
    private JsonNode log(int limit, int expected) {
        return ProvisioningLogs.await(operator(), company.id(), limit, expected);
    }

    private JsonNode log(int limit) {
        return log(limit, limit);
    }

    @Test
    void recordsMethodPathStatusResourceOutcomeAndDurationOfEachRequestNewestFirst() {
        String id = scim.createUser("logged@acme.example");
        patchUser(id, op("Replace", "active", quoted("False")));
        scim.get("/Users?filter=" + Scim.filter("userName eq \"logged@acme.example\""));
        scim.delete("/Users/" + id);

        JsonNode entries = log(4);

        assertThat(entries.size()).isEqualTo(4);
        JsonNode delete = entries.get(0);
        JsonNode query = entries.get(1);
        JsonNode patch = entries.get(2);
        JsonNode create = entries.get(3);

        assertThat(create.path("method").asString()).isEqualTo("POST");
        assertThat(create.path("path").asString()).isEqualTo("/scim/v2/Users");
        assertThat(create.path("status").asInt()).isEqualTo(201);
        assertThat(create.path("resourceType").asString()).isEqualTo("User");
        assertThat(create.path("resourceId").asString()).isEqualTo(id);
        assertThat(create.path("outcome").asString()).contains("created").contains("logged@acme.example");

        assertThat(patch.path("method").asString()).isEqualTo("PATCH");
        assertThat(patch.path("path").asString()).isEqualTo("/scim/v2/Users/" + id);
        assertThat(patch.path("status").asInt()).isEqualTo(200);
        assertThat(patch.path("resourceId").asString()).isEqualTo(id);
        assertThat(patch.path("outcome").asString()).contains("inactive");

        assertThat(query.path("method").asString()).isEqualTo("GET");
        assertThat(query.path("path").asString()).startsWith("/scim/v2/Users?filter=");
        assertThat(query.path("status").asInt()).isEqualTo(200);
        assertThat(query.path("resourceType").asString()).isEqualTo("User");
        assertThat(query.path("outcome").asString()).contains("1 match");

        assertThat(delete.path("method").asString()).isEqualTo("DELETE");
        assertThat(delete.path("status").asInt()).isEqualTo(204);
        assertThat(delete.path("outcome").asString()).isEqualTo("deleted");

        for (JsonNode entry : entries) {
            assertThat(entry.path("durationMs").isNumber()).isTrue();
            assertThat(entry.path("durationMs").asDouble()).isGreaterThanOrEqualTo(0.0);
            assertThat(entry.path("occurredAt").asString()).isNotBlank();
        }
    }

    @Test
    void recordsGroupRequestsAndFailuresWithTheirStatus() {
        String group = scim.createGroup("Logged Group");
        patchGroup(group, op("Replace", "displayName", quoted("Logged Group 2")));
        scim.get("/Users/" + UUID.randomUUID());
        scim.post("/Users", "{broken");

        JsonNode entries = log(4);

        assertThat(entries.get(3).path("resourceType").asString()).isEqualTo("Group");
        assertThat(entries.get(3).path("resourceId").asString()).isEqualTo(group);
        assertThat(entries.get(3).path("status").asInt()).isEqualTo(201);
        assertThat(entries.get(2).path("method").asString()).isEqualTo("PATCH");
        assertThat(entries.get(2).path("status").asInt()).isEqualTo(204);
        assertThat(entries.get(2).path("resourceType").asString()).isEqualTo("Group");
        assertThat(entries.get(1).path("status").asInt()).isEqualTo(404);
        assertThat(entries.get(1).path("resourceType").asString()).isEqualTo("User");
        assertThat(entries.get(0).path("status").asInt()).isEqualTo(400);
        assertThat(entries.get(0).path("method").asString()).isEqualTo("POST");
    }

    @Test
    void limitBoundsTheNumberOfEntries() {
        for (int i = 0; i < 5; i++) {
            scim.get("/Users?count=1");
        }

        assertThat(log(3).size()).isEqualTo(3);
        assertThat(log(100, 5).size()).isEqualTo(5);
        assertThat(operator().call("GET", "/companies/" + company.id() + "/provisioning-log?limit=0", null).status())
                .isEqualTo(400);
    }

    @Test
    void neverContainsTheBearerToken() {
        String id = scim.createUser("secret@acme.example");
        scim.send("GET", "/Users/" + id, null, Map.of("User-Agent", "Azure Active Directory SCIM Client"));
        scim.post("/Users", EntraBodies.user("secret@acme.example"));
        patchUser(id, op("Replace", "active", quoted("False")));

        log(100, 4);
        Http.Response r = operator().call("GET", "/companies/" + company.id() + "/provisioning-log?limit=100", null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().size()).isEqualTo(4);
        String secretPart = company.scimToken().substring(company.scimToken().length() - 12);
        assertThat(r.body()).doesNotContain(company.scimToken()).doesNotContain(secretPart);
        assertThat(r.body()).doesNotContain("Bearer");
        assertThat(r.json().get(1).path("status").asInt()).isEqualTo(409);
        assertThat(r.json().get(2).path("userAgent").asString()).isEqualTo("Azure Active Directory SCIM Client");
    }

    @Test
    void requestsOfAnotherCompanyAreNotInTheLog() {
        Scim other = new Scim(http(), operator().premiumCompanyWithToken().scimToken());
        other.createUser("elsewhere@acme.example");
        scim.get("/Users");

        JsonNode entries = log(100, 1);

        assertThat(entries.size()).isEqualTo(1);
        assertThat(entries.get(0).path("path").asString()).isEqualTo("/scim/v2/Users");
    }
}
