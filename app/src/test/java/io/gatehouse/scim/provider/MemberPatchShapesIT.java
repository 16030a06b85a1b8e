package io.gatehouse.scim.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.Operator.TestCompany;
import io.gatehouse.support.Scim;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PATCH {@code add} on {@code members} with a bare id string or a single member object instead of an array is one
 * member reference; an id that names no user of this company is 400 invalidValue naming it, whatever the shape,
 * and nothing of the request is applied (docs/scim.md, "Leniencies").
 */
class MemberPatchShapesIT extends ProviderFixture {

    private String alice;
    private String bob;
    private String group;

    @BeforeEach
    void usersAndAnEmptyGroup() {
        alice = scim.createUser("alice@acme.example");
        bob = scim.createUser("bob@acme.example");
        group = scim.createGroup("Team");
    }

    @Test
    void addWithABareIdStringAddsThatMember() {
        Http.Response r = patchGroup(group, op("add", "members", quoted(alice)));

        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        assertThat(memberIds(group)).containsExactly(alice);
    }

    @Test
    void addWithASingleMemberObjectAddsThatMember() {
        Http.Response r = patchGroup(group, op("add", "members", "{\"value\":\"" + bob + "\",\"display\":\"Bob\"}"));
        Http.Response pathless = patchGroup(group, op("add", null, "{\"members\":{\"value\":\"" + alice + "\"}}"));

        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        assertThat(pathless.status()).as(pathless.toString()).isEqualTo(204);
        assertThat(memberIds(group)).containsExactlyInAnyOrder(alice, bob);
    }

    @Test
    void anUnknownIdIsInvalidValueNamingItInEveryShapeAndNothingChanges() {
        patchGroup(group, op("add", "members", quoted(alice)));
        String version = group(group).path("meta").path("version").asString();
        String missing = UUID.randomUUID().toString();
        String[] values = {quoted(missing), "{\"value\":\"" + missing + "\"}", "[\"" + bob + "\",\"" + missing + "\"]",
                "[{\"value\":\"" + bob + "\"},{\"value\":\"not-an-id\"},{\"value\":\"" + missing + "\"}]"};

        for (String value : values) {
            Http.Response r = patchGroup(group, op("replace", "displayName", quoted("Renamed")),
                    op("add", "members", value));

            assertScimError(r, 400, "invalidValue");
            assertThat(r.json().path("detail").asString()).as(value).contains(missing).doesNotContain(bob);
        }
        assertThat(patchGroup(group, op("add", "members", "[\"not-an-id\",\"" + missing + "\"]"))
                .json().path("detail").asString()).contains("not-an-id").contains(missing);
        assertThat(memberIds(group)).containsExactly(alice);
        assertThat(group(group).path("displayName").asString()).isEqualTo("Team");
        assertThat(group(group).path("meta").path("version").asString()).isEqualTo(version);
    }

    @Test
    void aUserOfAnotherCompanyIsAnUnknownId() {
        TestCompany other = operator().premiumCompanyWithToken();
        String stranger = new Scim(http(), other.scimToken()).createUser("stranger@other.example");

        Http.Response r = patchGroup(group, op("add", "members", quoted(stranger)));

        assertScimError(r, 400, "invalidValue");
        assertThat(r.json().path("detail").asString()).contains(stranger);
        assertThat(memberIds(group)).isEmpty();
    }

    @Test
    void creatingAGroupWithAnUnknownMemberCreatesNothing() {
        String missing = UUID.randomUUID().toString();

        Http.Response r = scim.post("/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Ghosts",
                 "members":{"value":"%s"}}""".formatted(missing));

        assertScimError(r, 400, "invalidValue");
        assertThat(r.json().path("detail").asString()).contains(missing);
        assertThat(scim.get("/Groups?filter=" + Scim.filter("displayName eq \"Ghosts\""))
                .json().path("totalResults").asInt()).isZero();
    }
}
