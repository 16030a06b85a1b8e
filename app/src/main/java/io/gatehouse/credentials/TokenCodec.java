package io.gatehouse.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Token format: {@code <kind prefix><lookup id>_<secret>}, e.g. {@code gh_scim_Q2x4…_9fK…}.
 * The lookup id (96 random bits) selects the row and may be shown; the secret is 256 random bits.
 * Only SHA-256 of the whole token is stored: with 256 bits of entropy a slow hash adds nothing.
 * Public for the product applications' client secrets and API keys (package application), which follow the
 * same format and rules in their own table.
 */
public final class TokenCodec {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private TokenCodec() {}

    public record Minted(String token, String lookupId, String hash, String displayPrefix) {}

    public record Parsed(String lookupId, String hash) {}

    public static Minted mint(TokenKind kind) {
        String lookupId = randomIdentifier();
        String token = kind.prefix() + lookupId + "_" + B64.encodeToString(random(32));
        return new Minted(token, lookupId, sha256(token), kind.prefix() + lookupId);
    }

    /** 16 random URL-safe characters without '-' or '_' (96 bits): lookup ids, public client ids. */
    public static String randomIdentifier() {
        return B64.encodeToString(random(12)).replace('-', 'x').replace('_', 'y');
    }

    /** Splits a presented token; empty for anything not of this kind's shape (no DB lookup needed). */
    public static Optional<Parsed> parse(TokenKind kind, String presented) {
        if (presented == null || presented.length() > 200 || !presented.startsWith(kind.prefix())) {
            return Optional.empty();
        }
        String rest = presented.substring(kind.prefix().length());
        int sep = rest.indexOf('_');
        if (sep != 16 || rest.length() != 16 + 1 + 43) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(rest.substring(0, sep), sha256(presented)));
    }

    /** Constant-time comparison of two hex digests. */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static byte[] random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return b;
    }
}
