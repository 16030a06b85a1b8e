package com.example.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import tools.jackson.databind.json.JsonMapper;

class WebhookControllerTest {

    static final String SECRET = WebhookVerifierTest.SECRET;

    final ProductSessions sessions = new ProductSessions();
    final DirectoryCopy directory = new DirectoryCopy();
    final WebhookController controller = new WebhookController(
            new WebhookVerifier(List.of(SECRET), Duration.ofMinutes(5), Clock.systemUTC()), new ReceivedWebhooks(),
            directory, sessions, JsonMapper.builder().build());

    static String event(String eventId, String type, String userId, boolean active) {
        return "{\"id\":\"" + eventId + "\",\"type\":\"" + type + "\",\"companyId\":\"c1\",\"occurredAt\":"
                + "\"2026-12-07T12:00:00Z\",\"data\":{\"user\":{\"id\":\"" + userId + "\",\"userName\":\"alice\","
                + "\"email\":\"alice@contoso.com\",\"displayName\":\"Alice\",\"active\":" + active + "}}}";
    }

    int deliver(String webhookId, String body) {
        long ts = Instant.now().getEpochSecond();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return controller.receive(webhookId, Long.toString(ts), WebhookVerifier.sign(SECRET, webhookId, ts, bytes),
                bytes).getStatusCode().value();
    }

    @Test
    void user_deactivated_ends_that_users_sessions_and_no_one_elses() {
        MockHttpSession alice1 = new MockHttpSession();
        MockHttpSession alice2 = new MockHttpSession();
        MockHttpSession bob = new MockHttpSession();
        sessions.signedIn("u-alice", "sid-1", alice1);
        sessions.signedIn("u-alice", "sid-2", alice2);
        sessions.signedIn("u-bob", "sid-3", bob);

        assertThat(deliver("msg_1", event("evt_1", "user.deactivated", "u-alice", false))).isEqualTo(204);

        assertThat(alice1.isInvalid()).isTrue();
        assertThat(alice2.isInvalid()).isTrue();
        assertThat(bob.isInvalid()).isFalse();
        assertThat(sessions.count("u-alice")).isZero();
        assertThat(directory.find("u-alice")).get().extracting(DirectoryCopy.LocalUser::active).isEqualTo(false);
    }

    @Test
    void user_deleted_ends_sessions_and_forgets_the_user() {
        MockHttpSession alice = new MockHttpSession();
        deliver("msg_1", event("evt_1", "user.created", "u-alice", true));
        sessions.signedIn("u-alice", "sid-1", alice);
        assertThat(deliver("msg_2", event("evt_2", "user.deleted", "u-alice", true))).isEqualTo(204);
        assertThat(alice.isInvalid()).isTrue();
        assertThat(directory.find("u-alice")).isEmpty();
    }

    @Test
    void a_repeated_webhook_id_is_acknowledged_and_changes_nothing() {
        assertThat(deliver("msg_1", event("evt_1", "user.created", "u-alice", true))).isEqualTo(204);
        assertThat(deliver("msg_2", event("evt_2", "user.deactivated", "u-alice", false))).isEqualTo(204);
        // a late redelivery of the first message must not bring the user back
        assertThat(deliver("msg_1", event("evt_1", "user.created", "u-alice", true))).isEqualTo(204);
        assertThat(directory.find("u-alice")).get().extracting(DirectoryCopy.LocalUser::active).isEqualTo(false);
    }

    @Test
    void dedup_forgets_nothing_recent_and_says_first_time_once() {
        ReceivedWebhooks received = new ReceivedWebhooks();
        assertThat(received.firstTime("msg_1")).isTrue();
        assertThat(received.firstTime("msg_1")).isFalse();
        assertThat(received.firstTime("msg_2")).isTrue();
        received.forget("msg_2");
        assertThat(received.firstTime("msg_2")).isTrue();
    }

    @Test
    void a_tampered_or_stale_webhook_is_401_and_changes_nothing() {
        MockHttpSession alice = new MockHttpSession();
        sessions.signedIn("u-alice", "sid-1", alice);
        long ts = Instant.now().getEpochSecond();
        byte[] signedBody = event("evt_1", "user.updated", "u-alice", true).getBytes(StandardCharsets.UTF_8);
        byte[] tampered = event("evt_1", "user.deactivated", "u-alice", false).getBytes(StandardCharsets.UTF_8);
        assertThat(controller.receive("msg_1", Long.toString(ts), WebhookVerifier.sign(SECRET, "msg_1", ts, signedBody),
                tampered).getStatusCode().value()).isEqualTo(401);
        long old = ts - 301;
        assertThat(controller.receive("msg_2", Long.toString(old), WebhookVerifier.sign(SECRET, "msg_2", old, tampered),
                tampered).getStatusCode().value()).isEqualTo(401);
        assertThat(alice.isInvalid()).isFalse();
        assertThat(directory.all()).isEmpty();
        // a refused message was not remembered: the genuine delivery of that id is processed
        assertThat(deliver("msg_1", event("evt_1", "user.updated", "u-alice", true))).isEqualTo(204);
        assertThat(directory.find("u-alice")).isPresent();
    }

    @Test
    void a_signed_body_that_is_not_json_is_400() {
        assertThat(deliver("msg_1", "not json")).isEqualTo(400);
    }

    @Test
    void back_channel_logout_ends_the_session_of_that_sid_only() {
        MockHttpSession first = new MockHttpSession();
        MockHttpSession second = new MockHttpSession();
        sessions.signedIn("u-alice", "sid-1", first);
        sessions.signedIn("u-alice", "sid-2", second);
        assertThat(sessions.endSession("u-alice", "sid-1")).isEqualTo(1);
        assertThat(first.isInvalid()).isTrue();
        assertThat(second.isInvalid()).isFalse();
        assertThat(sessions.endSession("u-alice", null)).isEqualTo(1);
        assertThat(second.isInvalid()).isTrue();
    }
}
