package io.gatehouse.saml.core;

/**
 * Why a SAML Response was refused. Codes are stable identifiers for the company's login log and
 * for support; they are listed roughly in the order the validator checks them.
 */
public enum FailureCode {
    /** The posted value or document exceeds the size cap. */
    INPUT_TOO_LARGE,
    /** Not well-formed XML, not base64, or not a single document. */
    MALFORMED_XML,
    /** The document carries a DOCTYPE (XXE, entity expansion); refused before any entity is read. */
    DTD_FORBIDDEN,
    /** Required SAML structure is missing or wrong (root element, Version, ID, time format...). */
    SCHEMA_VIOLATION,
    /** Two elements share an ID value: the precondition of most signature wrapping attacks. */
    DUPLICATE_ID,
    /** An assertion sits somewhere other than directly under the Response (XSW). */
    SIGNATURE_WRAPPING,
    /** More than one assertion; the Web SSO profile flow here accepts exactly one. */
    MULTIPLE_ASSERTIONS,
    /** A Signature is not on the Response or its assertion. */
    UNEXPECTED_SIGNATURE_PLACEMENT,
    /** The Response or the assertion carries more than one Signature (SAML core §5.4.1: one per element). */
    DUPLICATE_SIGNATURE,
    /** A Signature does not have the exact XMLDSig shape (one SignedInfo, one SignatureValue...). */
    SIGNATURE_MALFORMED,
    /** The single Reference does not point at '#'+ID of the signature's own parent (or is empty). */
    REFERENCE_URI_MISMATCH,
    /** An algorithm or transform outside the allow-list. */
    ALGORITHM_NOT_ALLOWED,
    /** SHA-1 used while the connection does not allow it. */
    SHA1_NOT_ALLOWED,
    /** Nothing signed the assertion, neither the Response nor the assertion itself. */
    SIGNATURE_MISSING,
    /** A signature present does not verify with the configured certificates. */
    SIGNATURE_INVALID,
    /** The signature names a certificate that is not configured for this connection. */
    UNTRUSTED_KEY,
    /** The IdP answered with a non-success status (e.g. Entra AADSTS errors). */
    STATUS_NOT_SUCCESS,
    /** A success status without any assertion. */
    NO_ASSERTION,
    /** An EncryptedAssertion could not be decrypted with the SP key. */
    DECRYPTION_FAILED,
    /** Issuer differs from the configured IdP entity ID. */
    ISSUER_MISMATCH,
    /** Response Destination differs from our ACS URL. */
    DESTINATION_MISMATCH,
    /** Bearer SubjectConfirmationData Recipient differs from our ACS URL. */
    RECIPIENT_MISMATCH,
    /** No bearer SubjectConfirmation (SAML profiles §4.1.4.2). */
    NO_BEARER_CONFIRMATION,
    /** Our SP entity ID is not in every AudienceRestriction. */
    AUDIENCE_MISMATCH,
    /** A NotOnOrAfter bound the profile relies on is absent, so the assertion never expires. */
    MISSING_VALIDITY_WINDOW,
    /** NotBefore is in the future beyond the allowed clock skew. */
    NOT_YET_VALID,
    /** A NotOnOrAfter bound has passed beyond the allowed clock skew. */
    EXPIRED,
    /** InResponseTo does not match the request this sign-in started with. */
    IN_RESPONSE_TO_MISMATCH,
    /** An unsolicited response while the connection only accepts SP-initiated sign-in. */
    IDP_INITIATED_NOT_ALLOWED,
    /** A defect in this validator; the response was refused rather than trusted. */
    INTERNAL_ERROR
}
