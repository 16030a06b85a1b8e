package io.gatehouse.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    // The example of the Standard Webhooks specification (standard-webhooks/standard-webhooks, spec/README).
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String BODY = "{\"test\": 2432232314}";

    @Test
    void signsTheSpecificationsExampleAsItSays() {
        assertThat(WebhookSignature.header(List.of(SECRET), ID, TIMESTAMP, BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void twoSecretsGiveTwoSignaturesEachVerifiable() throws Exception {
        String other = WebhookSignature.newSecret();
        String header = WebhookSignature.header(List.of(other, SECRET), ID, TIMESTAMP, BODY);
        assertThat(header.split(" ")).hasSize(2);
        Instant now = Instant.ofEpochSecond(TIMESTAMP + 10);
        assertThat(StandardWebhooksVerifier.verify(SECRET, ID, Long.toString(TIMESTAMP), header, BODY, now)).isTrue();
        assertThat(StandardWebhooksVerifier.verify(other, ID, Long.toString(TIMESTAMP), header, BODY, now)).isTrue();
    }

    @Test
    void theVerifierRefusesATamperedBodyAnotherIdAndATimestampOlderThanFiveMinutes() throws Exception {
        String header = WebhookSignature.header(List.of(SECRET), ID, TIMESTAMP, BODY);
        String ts = Long.toString(TIMESTAMP);
        Instant now = Instant.ofEpochSecond(TIMESTAMP);
        assertThat(StandardWebhooksVerifier.verify(SECRET, ID, ts, header, BODY.replace("2", "3"), now)).isFalse();
        assertThat(StandardWebhooksVerifier.verify(SECRET, "msg_other", ts, header, BODY, now)).isFalse();
        assertThat(StandardWebhooksVerifier.verify(SECRET, ID, ts, header, BODY, now.plusSeconds(301))).isFalse();
        assertThat(StandardWebhooksVerifier.verify(SECRET, ID, ts, header, BODY, now.plusSeconds(299))).isTrue();
    }

    @Test
    void aNewSecretIsWhsecAndThirtyTwoRandomBytes() {
        String secret = WebhookSignature.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret);
    }
}
