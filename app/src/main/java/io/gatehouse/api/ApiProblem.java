package io.gatehouse.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A refusal of the product API, answered by {@link ApiProblemHandler} as RFC 9457 {@code application/problem+json}.
 * Routes under {@code io.gatehouse.api} (and its sub-packages) throw it; {@code parameter} names the query
 * parameter at fault, when there is one.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String parameter;

    public ApiProblem(HttpStatus status, String detail, String parameter) {
        super(detail);
        this.status = status;
        this.parameter = parameter;
    }

    /** Not found — also what a resource of a company the application does not serve is, so existence never leaks. */
    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, detail, null);
    }

    public static ApiProblem invalidParameter(String parameter, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, detail, parameter);
    }

    public HttpStatus status() {
        return status;
    }

    ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        if (parameter != null) {
            problem.setProperty("parameter", parameter);
        }
        return problem;
    }
}
