package io.gatehouse.saml;

import java.time.Instant;

/**
 * One of our SP keys as the operator API and the consoles show it: never the private key.
 *
 * @param use SIGNING or ENCRYPTION
 * @param state NEXT, CURRENT, PREVIOUS or RETIRED
 * @param graceUntil for a PREVIOUS encryption key: until when assertions encrypted to it are still accepted
 * @param certificatePem the certificate to give the IdP (also in our metadata while NEXT or CURRENT)
 * @param entra what the company's Entra administrator must do about this key now
 */
public record SpKeyInfo(long id, String use, String state, String subject, String sha256, Instant notAfter,
                        Instant createdAt, Instant activatedAt, Instant graceUntil, Instant retiredAt,
                        String certificatePem, String entra) {}
