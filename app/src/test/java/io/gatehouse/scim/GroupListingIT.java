package io.gatehouse.scim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.EntraBodies;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Scim;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /Groups?excludedAttributes=members} pages (totals proven by the page itself where it can, so the last
 * page needs no count): every group once, in creation order, with exact totals on every page, whatever the group
 * sizes and whatever another company holds.
 */
class GroupListingIT extends IntegrationTest {

    private static final int GROUPS = 7;

    private Scim scim;
    private final List<String> created = new ArrayList<>();

    @BeforeEach
    void sevenGroupsOneOfThemBig() {
        scim = new Scim(http(), operator().premiumCompanyWithToken().scimToken());
        Scim other = new Scim(http(), operator().premiumCompanyWithToken().scimToken());
        for (int i = 0; i < GROUPS; i++) {
            created.add(scim.createGroup("Group " + (GROUPS - i))); // creation order differs from name order
            other.createGroup("Other " + i);
        }
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            members.append(i == 0 ? "" : ",").append("{\"value\":\"")
                    .append(scim.createUser("big" + i + "@listing.example")).append("\"}");
        }
        Http.Response r = scim.patch("/Groups/" + created.get(2), EntraBodies.patch(
                "[{\"op\":\"Add\",\"path\":\"members\",\"value\":[" + members + "]}]"));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
    }

    @Test
    void pagesListEveryGroupOnceInCreationOrderWithExactTotals() {
        List<String> walked = new ArrayList<>();
        for (int start = 1; start <= GROUPS; start += 3) {
            Http.Response r = scim.get("/Groups?excludedAttributes=members&startIndex=" + start + "&count=3");

            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().path("totalResults").asInt()).as("total at startIndex %d", start).isEqualTo(GROUPS);
            assertThat(r.json().path("itemsPerPage").asInt()).isEqualTo(Math.min(3, GROUPS - start + 1));
            r.json().path("Resources").forEach(g -> {
                assertThat(g.has("members")).isFalse();
                walked.add(g.path("id").asString());
            });
        }

        assertThat(walked).containsExactlyElementsOf(created);
    }

    @Test
    void aPagePastTheEndIsEmptyAndStillCountsAllGroups() {
        Http.Response past = scim.get("/Groups?excludedAttributes=members&startIndex=20&count=3");
        Http.Response all = scim.get("/Groups?excludedAttributes=members");

        assertThat(past.json().path("totalResults").asInt()).isEqualTo(GROUPS);
        assertThat(past.json().path("Resources").size()).isZero();
        assertThat(all.json().path("totalResults").asInt()).isEqualTo(GROUPS);
        assertThat(all.json().path("Resources").size()).isEqualTo(GROUPS);
    }

    @Test
    void theListingWithMembersStillListsThem() {
        Http.Response r = scim.get("/Groups?startIndex=3&count=1");

        assertThat(r.json().path("Resources").get(0).path("id").asString()).isEqualTo(created.get(2));
        assertThat(r.json().path("Resources").get(0).path("members").size()).isEqualTo(40);
    }
}
