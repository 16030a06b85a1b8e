package io.gatehouse.operator;

/** An operator API error: HTTP status, a short machine code and a sentence for the support engineer. */
class OperatorException extends RuntimeException {

    private final int status;
    private final String code;

    OperatorException(int status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    static OperatorException notFound(String what) {
        return new OperatorException(404, "not_found", what + " not found.");
    }

    static OperatorException invalid(String detail) {
        return new OperatorException(400, "invalid_request", detail);
    }
}
