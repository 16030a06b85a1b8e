/**
 * Secrets that Gatehouse must read back (SP private keys, OpenID signing keys, webhook secrets) are stored sealed:
 * AES-256-GCM under a key-encryption key (KEK) from configuration, with the KEK's id in the sealed text so the
 * KEK can be rotated ({@link io.gatehouse.secrets.Resealer}). Tokens and client secrets that only need comparing
 * are hashed instead (package {@code credentials}). JDK crypto only; nothing here logs key material.
 */
package io.gatehouse.secrets;
