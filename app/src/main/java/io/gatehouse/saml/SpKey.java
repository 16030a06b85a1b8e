package io.gatehouse.saml;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * One of our key pairs for a company as the support team and administrators see it: never the private key.
 *
 * @param slot what the key is for now; null once retired
 * @param graceUntil for a {@link Slot#PREVIOUS} key: until when assertions encrypted to it are still decrypted
 */
public record SpKey(long id, SpCredential.Use use, Slot slot, X509Certificate certificate, Instant createdAt,
                    Instant activatedAt, Instant graceUntil, Instant retiredAt) {

    /** The lifecycle: NEXT (published ahead) → CURRENT (signs, encrypted to) → PREVIOUS (decrypts in grace) → retired. */
    public enum Slot {
        NEXT,
        CURRENT,
        PREVIOUS
    }

    /** NEXT, CURRENT, PREVIOUS or RETIRED. */
    public String state() {
        return slot == null ? "RETIRED" : slot.name();
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    /** Whether assertions encrypted to this key are decrypted at {@code now}. */
    boolean decrypts(Instant now) {
        return slot == Slot.NEXT || slot == Slot.CURRENT
                || (slot == Slot.PREVIOUS && (graceUntil == null || now.isBefore(graceUntil)));
    }
}
