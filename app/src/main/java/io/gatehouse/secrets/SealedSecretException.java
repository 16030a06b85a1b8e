package io.gatehouse.secrets;

/**
 * A sealed value that cannot be opened: malformed, sealed under a key-encryption key that is not configured, or
 * altered (including moved to another row or purpose). The message names the KEK id, never key material.
 */
public final class SealedSecretException extends RuntimeException {

    public SealedSecretException(String message) {
        super(message);
    }
}
