/**
 * SAML 2.0 single sign-on per company: the web side of the service provider, on top of saml-core.
 *
 * <h2>Flows</h2>
 * <ul>
 *   <li>SP-initiated: {@code /login} (work email → company by {@code company_email_domain}) →
 *       {@code GET /saml/{company}/login?target=} → AuthnRequest over HTTP-Redirect (saml-core's
 *       AuthnRequestBuilder, signed when the connection asks) with its ID in {@code saml_request}.</li>
 *   <li>IdP-initiated (Entra's My Apps): accepted only while {@code allow_idp_initiated}; RelayState is then
 *       the only target and must be a path on this site ({@link io.gatehouse.saml.SafeTarget}).</li>
 *   <li>{@code POST /saml/{company}/acs} ({@link io.gatehouse.saml.ResponseConsumer}): saml-core validation
 *       with the company's certificates and our clock → the answered request used up once → the assertion ID
 *       inserted into {@code saml_replay} (a duplicate key is a replay, on any node) → the subject linked to
 *       a provisioned, active user ({@link io.gatehouse.saml.UserLinker}) → a new Spring Session JDBC session
 *       named "&lt;company&gt;:&lt;user&gt;" ({@link io.gatehouse.saml.SignInSessions}). Every attempt is a row in
 *       {@code saml_login_event}; refusals show a plain page with the name of the check that failed (the
 *       row's FailureCode or RefusalCode, never its expected and actual values) and that row's reference.</li>
 *   <li>Single logout over HTTP-Redirect ({@link io.gatehouse.saml.SingleLogout}): "Sign out" ({@code POST /logout})
 *       of a SAML session sends a signed LogoutRequest to the IdP's SingleLogoutService
 *       ({@link io.gatehouse.saml.SignOutThroughIdp}); {@code GET /saml/{company}/slo} takes the IdP's LogoutResponse
 *       (answering our request once) or LogoutRequest (signature verified with the company's certificates, used
 *       once, the person's sessions ended on every node, a signed LogoutResponse back). POST-binding logout
 *       messages are not accepted yet.</li>
 *   <li>SCIM {@code active:false} or DELETE ends the user's sessions
 *       ({@link io.gatehouse.saml.SessionTermination}).</li>
 * </ul>
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li>Pending requests live in the database, not the session: the IdP's POST is cross-site, so the
 *       SameSite=Lax session cookie does not arrive with it, and any node must accept the answer.</li>
 *   <li>CSRF tokens are cookies (double submit), so showing /login creates no session rows; the ACS is exempt
 *       from CSRF and protected by the SAML checks instead.</li>
 *   <li>Our SP keys (signing, encryption) are created per company on first use
 *       ({@code saml_sp_credential}, V16); private keys are sealed under the key-encryption key
 *       ({@link io.gatehouse.secrets.SecretSealer}), and plain keys from V3 are sealed at start.</li>
 *   <li>IdP metadata given by URL is refreshed every 6 hours by one node at a time
 *       ({@link io.gatehouse.saml.SamlHousekeeping}); all listed signing certificates are trusted, so an Entra
 *       certificate rollover needs no action. A refresh that fails or names another IdP is not applied.</li>
 * </ul>
 */
package io.gatehouse.saml;
