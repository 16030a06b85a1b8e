package io.gatehouse.access;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Local passwords, hashed with PBKDF2-HMAC-SHA256 from the JDK (no extra dependency), a 128-bit random salt
 * per credential and 600,000 iterations (OWASP's figure for this PRF; the brief's floor is 210,000). Unlike
 * tokens, passwords are low-entropy, so the hash must be slow. The parameters are stored with each hash, so
 * raising them later applies to new passwords without breaking old ones.
 */
final class PasswordHasher {

    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    static final int DEFAULT_ITERATIONS = 600_000;
    static final int MIN_ITERATIONS = 210_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    /** A stored password: algorithm, parameters, salt and hash (both base64). */
    record Hashed(String algorithm, int iterations, String salt, String hash) {
        @Override
        public String toString() {
            return "Hashed[" + algorithm + ", " + iterations + " iterations]";
        }
    }

    private final int iterations;

    PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    /** Tests of the format may use fewer iterations; production code uses the default. */
    PasswordHasher(int iterations) {
        this.iterations = iterations;
    }

    Hashed hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new Hashed(ALGORITHM, iterations, B64.encodeToString(salt),
                B64.encodeToString(derive(password, salt, iterations)));
    }

    /** Recomputes with the stored parameters and compares in constant time. */
    boolean verify(String password, Hashed stored) {
        if (stored == null || !ALGORITHM.equals(stored.algorithm()) || stored.iterations() < 1) {
            return false;
        }
        byte[] expected = B64D.decode(stored.hash());
        byte[] actual = derive(password, B64D.decode(stored.salt()), stored.iterations());
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        // NFC: the same password typed on different systems may arrive composed or decomposed.
        char[] chars = Normalizer.normalize(password, Normalizer.Form.NFC).toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is required by every Java platform", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
