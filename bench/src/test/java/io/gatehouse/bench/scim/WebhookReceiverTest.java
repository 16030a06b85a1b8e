package io.gatehouse.bench.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookReceiverTest {

    // the example of the Standard Webhooks reference libraries' tests
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final byte[] KEY = Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void verifiesTheReferenceExampleAndAnyOfSeveralSignatures() {
        assertThat(WebhookReceiver.verify(KEY, ID, "1614265330", SIGNATURE, BODY, 1614265330)).isTrue();
        assertThat(WebhookReceiver.verify(KEY, ID, "1614265330", "v1,AAAA " + SIGNATURE, BODY, 1614265330)).isTrue();
    }

    @Test
    void refusesAnotherBodyIdOrVersionAndATimestampOutsideFiveMinutes() {
        byte[] other = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookReceiver.verify(KEY, ID, "1614265330", SIGNATURE, other, 1614265330)).isFalse();
        assertThat(WebhookReceiver.verify(KEY, ID + "x", "1614265330", SIGNATURE, BODY, 1614265330)).isFalse();
        assertThat(WebhookReceiver.verify(KEY, ID, "1614265330", SIGNATURE.replace("v1,", "v2,"), BODY, 1614265330))
                .isFalse();
        assertThat(WebhookReceiver.verify(KEY, ID, "1614265330", SIGNATURE, BODY, 1614265330 + 301)).isFalse();
        assertThat(WebhookReceiver.verify(KEY, ID, "1614265330", SIGNATURE, BODY, 1614265330 - 301)).isFalse();
        assertThat(WebhookReceiver.verify(KEY, ID, null, SIGNATURE, BODY, 1614265330)).isFalse();
    }

    @Test
    void countsEachEventOnceRecordsUserCreatedAndRefusesABadSignature() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(0)) {
            receiver.secret(SECRET);
            HttpClient http = HttpClient.newHttpClient();
            String created = "{\"id\":\"evt_1\",\"type\":\"user.created\",\"data\":{\"user\":{\"id\":\"u-1\"}}}";
            String group = "{\"id\":\"evt_2\",\"type\":\"group.created\",\"data\":{\"group\":{\"id\":\"g-1\"}}}";
            long before = System.nanoTime();
            assertThat(post(http, receiver, "evt_1", created, true)).isEqualTo(204);
            assertThat(post(http, receiver, "evt_1", created, true)).isEqualTo(204);
            assertThat(post(http, receiver, "evt_2", group, true)).isEqualTo(204);
            assertThat(post(http, receiver, "evt_3", group.replace("evt_2", "evt_3"), false)).isEqualTo(401);
            // a signed body whose id is not the webhook-id
            assertThat(post(http, receiver, "evt_4", group, true)).isEqualTo(401);

            assertThat(receiver.unique()).isEqualTo(2);
            assertThat(receiver.duplicates()).isEqualTo(1);
            assertThat(receiver.refused()).isEqualTo(2);
            assertThat(receiver.requests()).isEqualTo(5);
            assertThat(receiver.countsByType()).containsEntry("user.created", 1L).containsEntry("group.created", 1L);
            assertThat(receiver.userCreatedAt("u-1")).isBetween(before, System.nanoTime());
            assertThat(receiver.receiveTimes()).hasSize(2);
        }
    }

    private static int post(HttpClient http, WebhookReceiver receiver, String id, String body, boolean signed)
            throws Exception {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(signed ? KEY : new byte[32], "HmacSHA256"));
        String sig = Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + ts + "." + body).getBytes(StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(receiver.url()))
                .header("webhook-id", id).header("webhook-timestamp", ts).header("webhook-signature", "v1," + sig)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
