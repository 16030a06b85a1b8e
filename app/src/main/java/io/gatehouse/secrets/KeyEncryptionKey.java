package io.gatehouse.secrets;

import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One key-encryption key: an id (written into every value sealed with it) and 256 bits of AES key.
 * Configured as {@code <id>:<base64 of 32 bytes>}; {@link #toString()} never shows the key.
 */
public record KeyEncryptionKey(String id, SecretKey key) {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    static final int KEY_BYTES = 32;

    public KeyEncryptionKey {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a key-encryption key id is 1 to 32 of A-Z a-z 0-9 _ -, not '" + id + "'");
        }
    }

    /** Parses {@code <id>:<base64 of 32 bytes>}; the message of a refusal never contains the key text. */
    public static KeyEncryptionKey parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("a key-encryption key is written <id>:<base64 of 32 bytes>;"
                    + " generate one with: echo \"k1:$(openssl rand -base64 32)\"");
        }
        String id = text.substring(0, colon).strip();
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.substring(colon + 1).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key-encryption key '" + id + "' is not valid base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("key-encryption key '" + id + "' has " + key.length
                    + " bytes; it must have " + KEY_BYTES + " (openssl rand -base64 32)");
        }
        return new KeyEncryptionKey(id, new SecretKeySpec(key, "AES"));
    }

    /** The configuration form of this key, for writing a generated key to its file. */
    String encoded() {
        return id + ":" + Base64.getEncoder().encodeToString(key.getEncoded());
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[" + id + "]";
    }
}
