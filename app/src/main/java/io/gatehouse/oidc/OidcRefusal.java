package io.gatehouse.oidc;

/** Why a "Sign in with Microsoft" attempt was refused; written to the company's sign-in log. */
enum OidcRefusal {
    /** The state is unknown, already used, expired, or belongs to another browser. */
    STATE_INVALID,
    /** Entra answered with an error instead of a code. */
    PROVIDER_ERROR,
    /** Entra says the organization has not consented to the application (consent_required, AADSTS65001/90094). */
    CONSENT_REQUIRED,
    /** The provider could not be reached, or the code exchange failed. */
    PROVIDER_UNAVAILABLE,
    TOKEN_MALFORMED,
    SIGNATURE_INVALID,
    ISSUER_MISMATCH,
    AUDIENCE_MISMATCH,
    EXPIRED,
    NOT_YET_VALID,
    TOKEN_REPLAYED,
    NONCE_MISMATCH,
    /** The token's tenant is not bound to any company (no admin approved). */
    TENANT_NOT_APPROVED,
    /** The tenant's company approved once but no longer offers the method. */
    METHOD_OFF,
    /** The sign-in was started for one company and the token's tenant belongs to another. */
    TENANT_MISMATCH,
    LINK_CLAIM_MISSING,
    USER_UNKNOWN,
    USER_DEACTIVATED
}
