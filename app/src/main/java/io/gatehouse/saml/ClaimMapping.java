package io.gatehouse.saml;

/**
 * Which SAML attributes carry what, by attribute Name. Defaults are the claim names Microsoft Entra ID
 * sends for a non-gallery application.
 *
 * @param userName attribute matched against userName; null means the NameID itself
 * @param externalId attribute matched against externalId when linking by external id
 * @param email, givenName, familyName, displayName used only to create a user just in time
 */
public record ClaimMapping(
        String userName, String externalId, String email, String givenName, String familyName, String displayName) {

    public static final String ENTRA_OBJECT_ID = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    public static ClaimMapping entraDefaults() {
        return new ClaimMapping(null, ENTRA_OBJECT_ID,
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname",
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname",
                "http://schemas.microsoft.com/identity/claims/displayname");
    }
}
