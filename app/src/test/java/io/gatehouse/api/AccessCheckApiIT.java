package io.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.access.SpaceRole;
import io.gatehouse.access.Spaces;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/access/check}: the access decision of access.AccessPolicy, for companies the key's application serves. */
class AccessCheckApiIT extends IntegrationTest {

    @Autowired
    Spaces spaces;

    private static Http.Response check(ApiWorld w, String user, String space) {
        return w.api("/access/check?user=" + user + "&space=" + space);
    }

    @Test
    void aGroupGrantAllowsWithTheHighestRole() {
        ApiWorld w = new ApiWorld(http(), spaces);
        String alice = w.user("alice");
        String space = w.space("Contracts");
        w.grantUser(space, alice, SpaceRole.VIEWER);
        w.grantGroup(space, w.group("Editors", alice), SpaceRole.EDITOR);

        JsonNode decision = check(w, alice, space).json();

        assertThat(decision.path("allowed").asBoolean()).isTrue();
        assertThat(decision.path("role").asString()).isEqualTo("EDITOR");
        assertThat(decision.path("reason").asString()).isEqualTo("granted");
        assertThat(decision.path("userId").asString()).isEqualTo(alice);
        assertThat(decision.path("spaceId").asString()).isEqualTo(space);
        assertThat(decision.path("companyId").asString()).isEqualTo(w.id);
    }

    @Test
    void withoutAGrantTheAnswerIsNoWithItsReason() {
        ApiWorld w = new ApiWorld(http(), spaces);
        String bob = w.user("bob");
        String space = w.space("Closed");

        JsonNode decision = check(w, bob, space).json();

        assertThat(decision.path("allowed").asBoolean()).isFalse();
        assertThat(decision.path("role").isNull()).isTrue();
        assertThat(decision.path("reason").asString()).isEqualTo("no_grant");
    }

    @Test
    void aDeactivatedUserOrAnArchivedSpaceIsRefusedAtOnce() {
        ApiWorld w = new ApiWorld(http(), spaces);
        String carol = w.user("carol");
        String dave = w.user("dave");
        String space = w.space("Shared");
        String archived = w.space("Old");
        w.grantUser(space, carol, SpaceRole.MANAGER);
        w.grantUser(archived, dave, SpaceRole.MANAGER);
        assertThat(check(w, carol, space).json().path("allowed").asBoolean()).isTrue();

        w.deactivate(carol);
        w.archive(archived);

        assertThat(check(w, carol, space).json().path("reason").asString()).isEqualTo("user_inactive");
        assertThat(check(w, carol, space).json().path("allowed").asBoolean()).isFalse();
        assertThat(check(w, dave, archived).json().path("reason").asString()).isEqualTo("space_archived");
    }

    @Test
    void aUserAndASpaceOfDifferentCompaniesAreNotFound() {
        ApiWorld a = new ApiWorld(http(), spaces);
        ApiWorld b = new ApiWorld(http(), spaces);
        String alice = a.user("alice");
        String spaceOfB = b.space("Elsewhere");

        Http.Response mixed = check(a, alice, spaceOfB);
        Http.Response unknown = check(a, alice, UUID.randomUUID().toString());

        for (Http.Response r : java.util.List.of(mixed, unknown)) {
            assertThat(r.status()).as(r.body()).isEqualTo(404);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void missingOrMalformedIdsAreProblemsNamingTheParameter() {
        ApiWorld w = new ApiWorld(http(), spaces);
        String id = UUID.randomUUID().toString();

        assertParameter(w.api("/access/check?space=" + id), "user");
        assertParameter(w.api("/access/check?user=" + id), "space");
        assertParameter(w.api("/access/check?user=nope&space=" + id), "user");
        assertParameter(w.api("/access/check?user=" + id + "&space=1-1-1-1-1"), "space");
    }

    private static void assertParameter(Http.Response r, String parameter) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("parameter").asString()).isEqualTo(parameter);
    }
}
