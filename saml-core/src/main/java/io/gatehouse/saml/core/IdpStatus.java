package io.gatehouse.saml.core;

/**
 * The samlp:Status an IdP sent (SAML core §3.2.2.2): top-level code, optional second-level code
 * and message. Entra puts its AADSTS error number in the message.
 *
 * @param authenticated true when the Response carrying it had a verified signature; Entra error
 *     responses are unsigned, so an admin should read the message as a hint, not as proof
 */
public record IdpStatus(String statusCode, String subStatusCode, String message, boolean authenticated) {
}
