package io.gatehouse.saml;

/**
 * What a person sees when a sign-in is refused: plain words, what their admin must do when it is the
 * admin's to fix, and the reference that finds the log row. Never the technical detail itself.
 *
 * @param adminAction what to ask the company's admin for, or null
 * @param idpErrorCode the identity provider's own error code (e.g. AADSTS50105), or null
 * @param startOverUrl where to start a new sign-in, or null
 */
public record RefusalPage(String title, String message, String adminAction, String idpErrorCode, String startOverUrl) {
}
