package io.gatehouse.oidc;

import io.gatehouse.tenancy.CompanyId;
import java.time.Instant;
import java.util.UUID;

/**
 * An authorization request we sent to Entra and that the browser has not come back from yet.
 *
 * @param company        the company the request was started for; null for the company-less login button
 * @param userId         the administrator who asked for admin consent; null for sign-in
 * @param browserBinding SHA-256 (hex) of the value only the starting browser holds (the sign-in cookie; the
 *                       administrator's session id for CONSENT and CONSENT_PROOF)
 * @param target         where a sign-in lands afterwards; for CONSENT_PROOF the tenant id the admin consent
 *                       answer named, which the ID token must confirm
 */
record Pending(String state, Kind kind, CompanyId company, UUID userId, String browserBinding, String nonce,
               String codeVerifier, String target, Instant expiresAt) {

    /**
     * SIGN_IN may only sign a person in; CONSENT is Entra's admin consent round trip; CONSENT_PROOF is the
     * authorization request after it that may only bind the consented tenant, never sign anyone in.
     */
    enum Kind { SIGN_IN, CONSENT, CONSENT_PROOF }
}
