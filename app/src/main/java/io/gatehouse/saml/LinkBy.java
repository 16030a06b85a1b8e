package io.gatehouse.saml;

/** How a signed-in subject is matched to a provisioned user of the company. */
public enum LinkBy {
    /** NameID (or the mapped user-name claim) equals the user's userName, ignoring case. */
    USER_NAME,
    /** The mapped external-id claim (Entra's objectidentifier by default) equals the user's externalId. */
    EXTERNAL_ID
}
