package io.gatehouse.saml;

/**
 * The admin-adjustable behaviour of a company's SAML connection.
 *
 * @param spEntityIdOverride our Entity ID when the admin could not use the default; null = default
 * @param allowIdpInitiated accept sign-ins started from the IdP (Entra's My Apps), with no request of ours
 * @param allowSha1 accept SHA-1 signatures from an old IdP
 * @param signAuthnRequests sign our AuthnRequests (HTTP-Redirect binding signature)
 * @param jitEnabled create an unknown user at first sign-in, only while no SCIM provisioning manages the directory
 */
public record ConnectionOptions(
        String spEntityIdOverride,
        boolean allowIdpInitiated,
        boolean allowSha1,
        boolean signAuthnRequests,
        LinkBy linkBy,
        boolean jitEnabled,
        ClaimMapping claims) {

    public static ConnectionOptions defaults() {
        return new ConnectionOptions(null, true, false, false, LinkBy.USER_NAME, false, ClaimMapping.entraDefaults());
    }
}
