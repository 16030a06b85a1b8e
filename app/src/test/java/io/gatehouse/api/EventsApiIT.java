package io.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.access.Spaces;
import io.gatehouse.events.EventPublisher;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Publishing;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/events}: the application's companies only, in commit order, paged by an opaque cursor. */
class EventsApiIT extends IntegrationTest {

    @Autowired
    Spaces spaces;
    @Autowired
    EventPublisher publisher;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private void publishAll() {
        Publishing.publishAll(publisher, jdbc);
    }

    /** Every event after {@code cursor}, page by page; the last cursor in {@code cursorOut[0]}. */
    private List<JsonNode> readAll(ApiWorld w, String cursor, int limit, String[] cursorOut) {
        List<JsonNode> all = new ArrayList<>();
        while (true) {
            Http.Response r = w.api("/events?limit=" + limit + (cursor == null ? "" : "&after=" + cursor));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode page = r.json();
            assertThat(page.path("nextCursor").isString()).isTrue();
            page.path("data").forEach(all::add);
            cursor = page.path("nextCursor").asString();
            if (page.path("data").isEmpty()) {
                cursorOut[0] = cursor;
                return all;
            }
        }
    }

    @Test
    void anApplicationReadsTheEventsOfItsCompaniesOnlyInOrderWithoutGapsOrRepeats() {
        ApiWorld a = new ApiWorld(http(), spaces);
        ApiWorld b = new ApiWorld(http(), spaces);
        publishAll();
        String[] cursor = new String[1];
        readAll(a, null, 1000, cursor);
        String start = cursor[0];

        String alice = a.user("alice");
        b.user("bob-of-b");
        String group = a.group("Team", alice);
        a.deactivate(alice);
        publishAll();

        List<JsonNode> events = readAll(a, start, 2, cursor);
        assertThat(events).extracting(e -> e.path("type").asString()).containsExactly("user.created",
                "group.created", "group.member_added", "user.deactivated");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.path("companyId").asString()).isEqualTo(a.id);
            assertThat(e.path("id").asString()).startsWith("evt_");
            assertThat(e.path("occurredAt").asString()).isNotEmpty();
        });
        assertThat(events.get(0).path("data").path("user").path("id").asString()).isEqualTo(alice);
        assertThat(events.get(1).path("data").path("group").path("id").asString()).isEqualTo(group);
        assertThat(events).extracting(e -> e.path("id").asString()).doesNotHaveDuplicates();

        // nothing new: the same cursor again answers no events and keeps the place
        Http.Response again = a.api("/events?after=" + cursor[0]);
        assertThat(again.json().path("data").isEmpty()).isTrue();
        assertThat(again.json().path("nextCursor").asString()).isEqualTo(cursor[0]);
        a.user("carol");
        publishAll();
        assertThat(readAll(a, cursor[0], 100, cursor)).extracting(e -> e.path("type").asString())
                .containsExactly("user.created");
    }

    @Test
    void aMalformedOrOversizedCursorIsAProblemNamingAfter() {
        ApiWorld a = new ApiWorld(http(), spaces);
        String otherListing = new ApiCursor(java.time.Instant.now(), java.util.UUID.randomUUID()).encode();
        for (String after : List.of("garbage", "ZTE6LTE", "ZTE6eA", otherListing, "A".repeat(201))) {
            Http.Response r = a.api("/events?after=" + after);
            assertThat(r.status()).as(after).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().path("parameter").asString()).isEqualTo("after");
        }
        Http.Response r = a.api("/events?limit=1001");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("parameter").asString()).isEqualTo("limit");
    }
}
