package com.example.product;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.product.WebhookVerifier.InvalidWebhookException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookVerifierTest {

    // The Standard Webhooks specification's own test vector (the reference libraries' tests use it too).
    static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long SPEC_TIMESTAMP = 1614265330;
    static final String SPEC_BODY = "{\"test\": 2432232314}";
    static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    static final String SECRET = "whsec_" + java.util.Base64.getEncoder()
            .encodeToString("a secret of thirty-two bytes!!!!".getBytes(StandardCharsets.UTF_8));
    static final String OTHER = "whsec_" + java.util.Base64.getEncoder()
            .encodeToString("the next secret, after rotation.".getBytes(StandardCharsets.UTF_8));
    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"user.deactivated\"}".getBytes(StandardCharsets.UTF_8);

    static WebhookVerifier verifier(Instant now, String... secrets) {
        return new WebhookVerifier(List.of(secrets), Duration.ofMinutes(5), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void the_specification_test_vector_verifies() {
        assertThatCode(() -> verifier(Instant.ofEpochSecond(SPEC_TIMESTAMP), SPEC_SECRET).verify(SPEC_ID,
                Long.toString(SPEC_TIMESTAMP), SPEC_SIGNATURE, SPEC_BODY.getBytes(StandardCharsets.UTF_8)))
                .doesNotThrowAnyException();
        org.assertj.core.api.Assertions.assertThat(WebhookVerifier.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP,
                SPEC_BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void a_valid_signature_verifies() {
        long ts = NOW.getEpochSecond();
        assertThatCode(() -> verifier(NOW, SECRET).verify("msg_1", Long.toString(ts),
                WebhookVerifier.sign(SECRET, "msg_1", ts, BODY), BODY)).doesNotThrowAnyException();
    }

    @Test
    void a_tampered_body_fails() {
        long ts = NOW.getEpochSecond();
        String signature = WebhookVerifier.sign(SECRET, "msg_1", ts, BODY);
        byte[] tampered = "{\"id\":\"evt_1\",\"type\":\"user.reactivated\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> verifier(NOW, SECRET).verify("msg_1", Long.toString(ts), signature, tampered))
                .isInstanceOf(InvalidWebhookException.class);
    }

    @Test
    void a_tampered_id_or_timestamp_fails() {
        long ts = NOW.getEpochSecond();
        String signature = WebhookVerifier.sign(SECRET, "msg_1", ts, BODY);
        assertThatThrownBy(() -> verifier(NOW, SECRET).verify("msg_2", Long.toString(ts), signature, BODY))
                .isInstanceOf(InvalidWebhookException.class);
        assertThatThrownBy(() -> verifier(NOW, SECRET).verify("msg_1", Long.toString(ts - 1), signature, BODY))
                .isInstanceOf(InvalidWebhookException.class);
    }

    @Test
    void a_timestamp_older_than_5_minutes_fails_even_when_correctly_signed() {
        long old = NOW.minusSeconds(5 * 60 + 1).getEpochSecond();
        assertThatThrownBy(() -> verifier(NOW, SECRET).verify("msg_1", Long.toString(old),
                WebhookVerifier.sign(SECRET, "msg_1", old, BODY), BODY)).isInstanceOf(InvalidWebhookException.class);
        long recent = NOW.minusSeconds(5 * 60 - 1).getEpochSecond();
        assertThatCode(() -> verifier(NOW, SECRET).verify("msg_1", Long.toString(recent),
                WebhookVerifier.sign(SECRET, "msg_1", recent, BODY), BODY)).doesNotThrowAnyException();
    }

    @Test
    void a_timestamp_more_than_5_minutes_in_the_future_fails() {
        long future = NOW.plusSeconds(5 * 60 + 1).getEpochSecond();
        assertThatThrownBy(() -> verifier(NOW, SECRET).verify("msg_1", Long.toString(future),
                WebhookVerifier.sign(SECRET, "msg_1", future, BODY), BODY)).isInstanceOf(InvalidWebhookException.class);
    }

    @Test
    void during_a_rotation_any_of_several_signatures_matches_any_configured_secret() {
        long ts = NOW.getEpochSecond();
        String both = WebhookVerifier.sign(OTHER, "msg_1", ts, BODY) + " " + WebhookVerifier.sign(SECRET, "msg_1", ts, BODY);
        // the receiver still knows only the old secret
        assertThatCode(() -> verifier(NOW, SECRET).verify("msg_1", Long.toString(ts), both, BODY))
                .doesNotThrowAnyException();
        // the receiver already switched to the new one
        assertThatCode(() -> verifier(NOW, OTHER).verify("msg_1", Long.toString(ts), both, BODY))
                .doesNotThrowAnyException();
        // the receiver keeps both while Gatehouse signs with one only
        assertThatCode(() -> verifier(NOW, OTHER, SECRET).verify("msg_1", Long.toString(ts),
                WebhookVerifier.sign(SECRET, "msg_1", ts, BODY), BODY)).doesNotThrowAnyException();
    }

    @Test
    void a_signature_under_another_secret_or_garbage_fails() {
        long ts = NOW.getEpochSecond();
        assertThatThrownBy(() -> verifier(NOW, SECRET).verify("msg_1", Long.toString(ts),
                WebhookVerifier.sign(OTHER, "msg_1", ts, BODY), BODY)).isInstanceOf(InvalidWebhookException.class);
        for (String garbage : new String[] {"", "v1,", "v1,!!!", "v2," + WebhookVerifier.sign(SECRET, "msg_1", ts, BODY)
                .substring(3), "nonsense"}) {
            assertThatThrownBy(() -> verifier(NOW, SECRET).verify("msg_1", Long.toString(ts), garbage, BODY))
                    .isInstanceOf(InvalidWebhookException.class);
        }
        assertThatThrownBy(() -> verifier(NOW, SECRET).verify("msg_1", "soon", "v1,x", BODY))
                .isInstanceOf(InvalidWebhookException.class);
        assertThatThrownBy(() -> verifier(NOW, SECRET).verify(null, Long.toString(ts), "v1,x", BODY))
                .isInstanceOf(InvalidWebhookException.class);
    }
}
