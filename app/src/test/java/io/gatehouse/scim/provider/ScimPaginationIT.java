package io.gatehouse.scim.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.Scim;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Index pagination (RFC 7644 section 3.4.2.4), sorting (3.4.2.3) and cursor pagination (RFC 9865). */
class ScimPaginationIT extends ProviderFixture {

    private static final int USERS = 11;

    private final List<String> created = new ArrayList<>();

    @BeforeEach
    void elevenUsers() {
        // Created out of alphabetical order, so creation order and userName order differ.
        for (int i = 0; i < USERS; i++) {
            int n = (i * 7) % USERS;
            created.add(scim.createUser("user%02d@acme.example".formatted(n)));
        }
    }

    private static List<String> ids(Http.Response r) {
        List<String> ids = new ArrayList<>();
        r.json().path("Resources").forEach(u -> ids.add(u.path("id").asString()));
        return ids;
    }

    private static List<String> userNames(Http.Response r) {
        List<String> names = new ArrayList<>();
        r.json().path("Resources").forEach(u -> names.add(u.path("userName").asString()));
        return names;
    }

    @Test
    void startIndexAndCountPageThroughAllUsersInAStableOrder() {
        List<String> walked = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            Http.Response r = scim.get("/Users?startIndex=" + (page * 5 + 1) + "&count=5");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().path("totalResults").asInt()).isEqualTo(USERS);
            assertThat(r.json().path("startIndex").asInt()).isEqualTo(page * 5 + 1);
            assertThat(r.json().path("itemsPerPage").asInt()).isEqualTo(page < 2 ? 5 : 1);
            walked.addAll(ids(r));
        }

        assertThat(walked).containsExactlyElementsOf(created);
        assertThat(ids(scim.get("/Users?startIndex=6&count=5"))).containsExactlyElementsOf(walked.subList(5, 10));
    }

    @Test
    void countZeroReturnsOnlyTheTotalAndStartIndexPastTheEndReturnsNothing() {
        Http.Response none = scim.get("/Users?count=0");
        Http.Response past = scim.get("/Users?startIndex=50&count=5");
        Http.Response clamped = scim.get("/Users?startIndex=0&count=2");

        assertThat(none.json().path("totalResults").asInt()).isEqualTo(USERS);
        assertThat(none.json().path("Resources").size()).isZero();
        assertThat(past.status()).isEqualTo(200);
        assertThat(past.json().path("totalResults").asInt()).isEqualTo(USERS);
        assertThat(past.json().path("Resources").size()).isZero();
        assertThat(clamped.json().path("startIndex").asInt()).isEqualTo(1);
        assertThat(ids(clamped)).containsExactlyElementsOf(created.subList(0, 2));
    }

    @Test
    void sortByUserNameAscendingAndDescending() {
        Http.Response ascending = scim.get("/Users?sortBy=userName&count=3");
        Http.Response descending = scim.get("/Users?sortBy=userName&sortOrder=descending&count=3");
        Http.Response secondPage = scim.get("/Users?sortBy=userName&sortOrder=ascending&startIndex=4&count=3");

        assertThat(userNames(ascending)).containsExactly("user00@acme.example", "user01@acme.example",
                "user02@acme.example");
        assertThat(userNames(descending)).containsExactly("user10@acme.example", "user09@acme.example",
                "user08@acme.example");
        assertThat(userNames(secondPage)).containsExactly("user03@acme.example", "user04@acme.example",
                "user05@acme.example");
    }

    @Test
    void sortByASubAttributeAndAnInvalidSortOrder() {
        Http.Response bySurname = scim.get("/Users?sortBy=name.givenName&sortOrder=descending&count=1");
        Http.Response invalid = scim.get("/Users?sortBy=userName&sortOrder=sideways");

        assertThat(bySurname.status()).isEqualTo(200);
        assertThat(userNames(bySurname)).containsExactly("user10@acme.example");
        assertScimError(invalid, 400, "invalidValue");
    }

    @Test
    void emptyCursorStartsAndNextCursorWalksAllUsers() {
        List<String> walked = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        while (cursor != null) {
            Http.Response r = scim.get("/Users?count=4&cursor=" + cursor);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().path("totalResults").asInt()).isEqualTo(USERS);
            walked.addAll(ids(r));
            JsonNode next = r.json().path("nextCursor");
            cursor = next.isString() ? next.asString() : null;
            assertThat(++pages).isLessThanOrEqualTo(3);
        }

        assertThat(pages).isEqualTo(3);
        assertThat(walked).containsExactlyElementsOf(created);
    }

    @Test
    void cursorWalkKeepsFilterAndSort() {
        String filter = Scim.filter("userName sw \"user0\"");
        Http.Response first = scim.get("/Users?filter=" + filter + "&sortBy=userName&count=6&cursor=");
        String next = first.json().path("nextCursor").asString();
        Http.Response second = scim.get("/Users?filter=" + filter + "&sortBy=userName&count=6&cursor=" + next);

        assertThat(first.json().path("totalResults").asInt()).isEqualTo(10);
        assertThat(userNames(first)).hasSize(6).first().isEqualTo("user00@acme.example");
        assertThat(userNames(second)).containsExactly("user06@acme.example", "user07@acme.example",
                "user08@acme.example", "user09@acme.example");
        assertThat(second.json().has("nextCursor")).isFalse();
    }

    @Test
    void garbageCursorIs400InvalidCursor() {
        assertScimError(scim.get("/Users?count=2&cursor=not-a-cursor!!"), 400, "invalidCursor");
        assertScimError(scim.get("/Users?count=2&cursor=Zm9vYmFy"), 400, "invalidCursor");
    }

    @Test
    void cursorOfAnotherQueryIs400InvalidCursor() {
        String next = scim.get("/Users?count=2&cursor=").json().path("nextCursor").asString();

        Http.Response r = scim.get("/Users?count=2&sortBy=userName&cursor=" + next);

        assertScimError(r, 400, "invalidCursor");
    }

    @Test
    void groupsPageAndSortByDisplayNameToo() {
        for (String name : new String[] {"Gamma", "Alpha", "Beta"}) {
            scim.createGroup(name);
        }

        Http.Response page = scim.get("/Groups?sortBy=displayName&startIndex=2&count=1&excludedAttributes=members");
        Http.Response cursor = scim.get("/Groups?sortBy=displayName&count=2&cursor=");

        assertThat(page.json().path("totalResults").asInt()).isEqualTo(3);
        assertThat(page.json().path("Resources").get(0).path("displayName").asString()).isEqualTo("Beta");
        assertThat(cursor.json().path("Resources").size()).isEqualTo(2);
        assertThat(cursor.json().path("nextCursor").isString()).isTrue();
    }
}
