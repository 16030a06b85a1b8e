package io.gatehouse.saml.core;

/**
 * An AuthnRequest ready for the HTTP-Redirect binding.
 *
 * @param requestId store it with the browser session; it is the expected InResponseTo
 * @param redirectUrl where to send the browser (302 Location)
 * @param xml the AuthnRequest before encoding, for the login log
 */
public record RedirectAuthnRequest(String requestId, String redirectUrl, String xml) {
}
