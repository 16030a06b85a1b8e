package io.gatehouse.scim.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.EntraBodies;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Operator.TestCompany;
import io.gatehouse.support.Scim;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/**
 * Shared set-up of the provider behaviour tests: a fresh premium company with a SCIM token per test,
 * and short helpers to write PATCH operations the way the providers send them.
 */
abstract class ProviderFixture extends IntegrationTest {

    protected static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    protected static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    protected TestCompany company;
    protected Scim scim;

    @BeforeEach
    void premiumCompany() {
        company = operator().premiumCompanyWithToken();
        scim = new Scim(http(), company.scimToken());
    }

    /** One PATCH operation; {@code valueJson} is raw JSON (null leaves "value" out, path null leaves "path" out). */
    protected static String op(String op, String path, String valueJson) {
        StringBuilder b = new StringBuilder("{\"op\":\"").append(op).append('"');
        if (path != null) {
            b.append(",\"path\":").append(Http.JSON.writeValueAsString(path));
        }
        if (valueJson != null) {
            b.append(",\"value\":").append(valueJson);
        }
        return b.append('}').toString();
    }

    /** A PatchOp body holding the given operations in order. */
    protected static String patch(String... operations) {
        return EntraBodies.patch("[" + String.join(",", operations) + "]");
    }

    protected static String quoted(String s) {
        return Http.JSON.writeValueAsString(s);
    }

    protected Http.Response patchUser(String id, String... operations) {
        return scim.patch("/Users/" + id, patch(operations));
    }

    protected Http.Response patchGroup(String id, String... operations) {
        return scim.patch("/Groups/" + id, patch(operations));
    }

    /** The user as a GET reads it back (asserting that the GET succeeds). */
    protected JsonNode user(String id) {
        Http.Response r = scim.get("/Users/" + id);
        assertThat(r.status()).as("GET /Users/%s: %s", id, r).isEqualTo(200);
        return r.json();
    }

    protected JsonNode group(String id) {
        Http.Response r = scim.get("/Groups/" + id);
        assertThat(r.status()).as("GET /Groups/%s: %s", id, r).isEqualTo(200);
        return r.json();
    }

    /** Member ids of a group as GET /Groups/{id} returns them. */
    protected List<String> memberIds(String groupId) {
        List<String> ids = new ArrayList<>();
        group(groupId).path("members").forEach(m -> ids.add(m.path("value").asString()));
        return ids;
    }

    /** GET /Users?filter=..., asserting 200 so that an unsupported filter never passes as "no match". */
    protected Http.Response listUsers(String filter) {
        Http.Response r = scim.get("/Users?filter=" + Scim.filter(filter));
        assertThat(r.status()).as("filter %s: %s", filter, r).isEqualTo(200);
        return r;
    }

    /** Asserts a SCIM error response (RFC 7644 section 3.12) with the given status and scimType (null: none). */
    protected static void assertScimError(Http.Response r, int status, String scimType) {
        assertThat(r.status()).as("status of %s", r).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/scim+json");
        assertThat(r.json().path("schemas").get(0).asString()).isEqualTo(ERROR_SCHEMA);
        assertThat(r.json().path("status").asString()).isEqualTo(Integer.toString(status));
        if (scimType == null) {
            assertThat(r.json().has("scimType")).as("scimType in %s", r).isFalse();
        } else {
            assertThat(r.json().path("scimType").asString()).as("scimType in %s", r).isEqualTo(scimType);
        }
    }
}
