package io.gatehouse.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens secrets with AES-256-GCM under the {@linkplain KeyEncryptionKeys current key-encryption key}.
 *
 * <p>Sealed text: {@code s1.<kek id>.<base64url(12-byte nonce || ciphertext || 16-byte tag)>}. The purpose and row
 * key are the associated data, so a sealed value copied to another row or used for another purpose does not open.
 * A fresh random nonce per seal: at the few thousand seals a deployment makes per KEK, the 2^-32 collision bound of
 * random 96-bit nonces is far away.
 */
public final class SecretSealer {

    static final String VERSION = "s1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final KeyEncryptionKeys keys;
    private final SecureRandom random = new SecureRandom();

    public SecretSealer(KeyEncryptionKeys keys) {
        this.keys = keys;
    }

    public String seal(String purpose, String rowKey, byte[] plaintext) {
        KeyEncryptionKey kek = keys.current();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, kek.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(purpose, rowKey));
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return VERSION + "." + kek.id() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    public String seal(String purpose, String rowKey, String plaintext) {
        return seal(purpose, rowKey, plaintext.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] open(String purpose, String rowKey, String sealed) {
        String[] parts = sealed == null ? new String[0] : sealed.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw new SealedSecretException("not a sealed value (" + purpose + ", row " + rowKey + ")");
        }
        KeyEncryptionKey kek = keys.find(parts[1]).orElseThrow(() -> new SealedSecretException(
                "sealed under key-encryption key '" + parts[1] + "', which is not configured (configured: "
                        + String.join(", ", keys.ids()) + ")"));
        byte[] in;
        try {
            in = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new SealedSecretException("sealed value is not base64url (" + purpose + ", row " + rowKey + ")");
        }
        if (in.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SealedSecretException("sealed value is truncated (" + purpose + ", row " + rowKey + ")");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, kek.key(), new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(purpose, rowKey));
            return cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new SealedSecretException("sealed value does not open with key-encryption key '" + kek.id()
                    + "': altered, or not sealed for " + purpose + " row " + rowKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    public String openText(String purpose, String rowKey, String sealed) {
        return new String(open(purpose, rowKey, sealed), StandardCharsets.UTF_8);
    }

    /** Whether {@code sealed} was sealed under the current key-encryption key (else {@link Resealer} moves it). */
    public boolean isCurrent(String sealed) {
        return sealed != null && sealed.startsWith(currentPrefix());
    }

    /** The id of the key-encryption key new values are sealed under (never the key itself). */
    public String currentKekId() {
        return keys.current().id();
    }

    String currentPrefix() {
        return VERSION + "." + keys.current().id() + ".";
    }

    private static byte[] associatedData(String purpose, String rowKey) {
        return (purpose + '\0' + rowKey).getBytes(StandardCharsets.UTF_8);
    }
}
