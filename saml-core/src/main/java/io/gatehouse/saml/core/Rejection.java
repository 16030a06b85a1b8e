package io.gatehouse.saml.core;

/**
 * Internal control flow for a refusal deep inside a check; the validator turns it into a Failure.
 * No stack trace: refusals are the common case under attack and must stay cheap.
 */
final class Rejection extends Exception {

    private final transient SamlValidationResult.Failure failure;

    private Rejection(SamlValidationResult.Failure failure) {
        super(failure.code().name(), null, false, false);
        this.failure = failure;
    }

    static Rejection of(FailureCode code, String expected, String actual, String detail) {
        return new Rejection(new SamlValidationResult.Failure(code, expected, actual, detail, null));
    }

    static Rejection of(FailureCode code, String detail) {
        return of(code, null, null, detail);
    }

    static Rejection status(IdpStatus status, String detail) {
        return new Rejection(new SamlValidationResult.Failure(
                FailureCode.STATUS_NOT_SUCCESS, SamlNames.STATUS_SUCCESS, status.statusCode(), detail, status));
    }

    SamlValidationResult.Failure failure() {
        return failure;
    }
}
