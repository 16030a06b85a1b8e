package io.gatehouse.api;

import io.gatehouse.web.ErrorBody;
import io.gatehouse.web.PathFamily;
import io.gatehouse.web.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The product API's one error format, RFC 9457 {@code application/problem+json} ({@link ProblemDetail}: type
 * {@code about:blank}, title, status, detail, instance = the request path, and {@code parameter} when a query
 * parameter is at fault). Scoped to the routes in {@code io.gatehouse.api} and its sub-packages, so every later
 * route answers the same way; nothing here ever carries a key or stack trace. As the {@link ErrorBody} of the
 * {@code /api} path family it also words what the container, the firewall or the framework refuse there.
 */
@RestControllerAdvice(basePackageClasses = ApiProblemHandler.class)
class ApiProblemHandler implements ErrorBody {

    static final String RETRY_AFTER_SECONDS = "2";
    static final String BUSY = "The service is busy; retry after a short pause.";
    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    private final JsonMapper json;

    ApiProblemHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public PathFamily family() {
        return PathFamily.API;
    }

    /** The request may be one the container could not parse: only its URI is read, and only when it has one. */
    @Override
    public Rendered render(HttpServletRequest request, Refusal refusal) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", refusal.title());
        problem.put("status", refusal.status());
        problem.put("detail", refusal.detail());
        String uri = request.getRequestURI();
        if (uri != null && uri.startsWith("/") && uri.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            problem.put("instance", uri);
        }
        return new Rendered("application/problem+json", json.writeValueAsBytes(problem));
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> problem(ApiProblem e) {
        return ResponseEntity.status(e.status()).body(e.toProblemDetail());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        return problem(ApiProblem.invalidParameter(e.getParameterName(),
                "The query parameter " + e.getParameterName() + " is required."));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        return problem(ApiProblem.invalidParameter(e.getName(), "The value of " + e.getName() + " is not valid."));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return problem(new ApiProblem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON.", null));
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            TransientDataAccessResourceException.class, PessimisticLockingFailureException.class,
            QueryTimeoutException.class})
    ResponseEntity<ProblemDetail> busy(RuntimeException e) {
        log.warn("Product API request deferred: {}", e.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, BUSY));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
        log.error("Unexpected product API failure", e);
        return ResponseEntity.internalServerError()
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error."));
    }
}
