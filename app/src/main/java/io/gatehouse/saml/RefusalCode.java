package io.gatehouse.saml;

/**
 * Refusals decided by the application after saml-core accepted a response (or before it could run).
 * Logged in the same outcome column as saml-core's FailureCode names.
 */
enum RefusalCode {
    /** The company has no SAML connection. */
    NO_CONNECTION,
    /** A valid response to a request that another response already answered. */
    REQUEST_ALREADY_USED,
    /** The assertion ID was used before (saml_replay). */
    ASSERTION_REPLAYED,
    /** The claim the connection links users by is absent from the assertion. */
    LINK_CLAIM_MISSING,
    /** Several users share the external id the assertion carries. */
    LINK_AMBIGUOUS,
    /** No user of the company matches, and just-in-time creation is off or not allowed. */
    USER_UNKNOWN,
    /** The matching user is deactivated. */
    USER_DEACTIVATED,
    /** Just-in-time creation was attempted and refused (e.g. the userName is taken). */
    JIT_FAILED,
    /** A logout message whose ID was used before (saml_replay). */
    LOGOUT_REPLAYED
}
