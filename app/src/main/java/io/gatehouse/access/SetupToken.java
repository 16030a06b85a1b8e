package io.gatehouse.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Setup-link tokens: {@code gh_setup_} and 256 random bits (43 base64url characters). As with SCIM tokens
 * (credentials.TokenCodec), only SHA-256 of the token is stored: at this entropy a slow hash adds nothing,
 * and the hash itself is the lookup key, so no secret is ever compared byte by byte against user input.
 */
final class SetupToken {

    static final String PREFIX = "gh_setup_";
    private static final int SECRET_CHARS = 43;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SetupToken() {}

    static String mint() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** True for anything of the minted shape; saves a database lookup for junk. */
    static boolean wellFormed(String token) {
        if (token == null || token.length() != PREFIX.length() + SECRET_CHARS || !token.startsWith(PREFIX)) {
            return false;
        }
        return token.substring(PREFIX.length()).chars()
                .allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                        || c == '-' || c == '_');
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
