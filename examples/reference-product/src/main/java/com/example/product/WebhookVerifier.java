package com.example.product;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a webhook as the Standard Webhooks specification says: the signed content is
 * {@code webhook-id + "." + webhook-timestamp + "." + body}, signed with HMAC-SHA256 under the base64 key after
 * the {@code whsec_} prefix; {@code webhook-signature} is a space-separated list of {@code v1,<base64>} entries
 * (several during a secret rotation), any of which may match any of the configured secrets. The timestamp must be
 * within the tolerance of now, so a captured request cannot be replayed later. Comparison in constant time.
 */
public final class WebhookVerifier {

    /** Why a webhook was refused; never says which part of the signature was close. */
    public static final class InvalidWebhookException extends Exception {
        public InvalidWebhookException(String message) {
            super(message);
        }
    }

    private static final String PREFIX = "whsec_";

    private final List<byte[]> keys;
    private final Duration tolerance;
    private final Clock clock;

    public WebhookVerifier(List<String> secrets, Duration tolerance, Clock clock) {
        this.keys = new ArrayList<>();
        for (String secret : secrets) {
            String s = secret.strip();
            keys.add(Base64.getDecoder().decode(s.startsWith(PREFIX) ? s.substring(PREFIX.length()) : s));
        }
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** Returns normally when the headers sign this body with one of the secrets, at an acceptable time. */
    public void verify(String id, String timestamp, String signatures, byte[] body) throws InvalidWebhookException {
        if (id == null || id.isBlank() || timestamp == null || signatures == null) {
            throw new InvalidWebhookException("missing webhook-id, webhook-timestamp or webhook-signature");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw new InvalidWebhookException("webhook-timestamp is not a number of seconds");
        }
        Instant sent = Instant.ofEpochSecond(seconds);
        Instant now = clock.instant();
        if (sent.isBefore(now.minus(tolerance)) || sent.isAfter(now.plus(tolerance))) {
            throw new InvalidWebhookException("webhook-timestamp is too old or in the future");
        }
        byte[] signed = signedContent(id, timestamp.strip(), body);
        for (byte[] key : keys) {
            byte[] expected = hmac(key, signed);
            for (String entry : signatures.strip().split(" +")) {
                int comma = entry.indexOf(',');
                if (comma < 0 || !entry.substring(0, comma).equals("v1")) {
                    continue;
                }
                byte[] given;
                try {
                    given = Base64.getDecoder().decode(entry.substring(comma + 1));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (MessageDigest.isEqual(expected, given)) {
                    return;
                }
            }
        }
        throw new InvalidWebhookException("no valid v1 signature");
    }

    /** The {@code v1,<base64>} signature of a body under a {@code whsec_} secret (for tests and tooling). */
    public static String sign(String secret, String id, long timestamp, byte[] body) {
        byte[] key = Base64.getDecoder().decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret);
        return "v1," + Base64.getEncoder().encodeToString(hmac(key, signedContent(id, Long.toString(timestamp), body)));
    }

    private static byte[] signedContent(String id, String timestamp, byte[] body) {
        byte[] head = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + body.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    private static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
