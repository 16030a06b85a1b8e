package io.gatehouse.oidc;

import io.gatehouse.tenancy.CompanyId;
import java.time.Instant;
import java.util.UUID;

/**
 * An authorization request we sent to Entra and that the browser has not come back from yet.
 *
 * @param company        the company the request was started for; null for the company-less login button
 * @param userId         the administrator who asked for admin consent; null for sign-in
 * @param browserBinding SHA-256 (hex) of the value only the starting browser holds
 */
record Pending(String state, Kind kind, CompanyId company, UUID userId, String browserBinding, String nonce,
               String codeVerifier, String target, Instant expiresAt) {

    enum Kind { SIGN_IN, CONSENT }
}
