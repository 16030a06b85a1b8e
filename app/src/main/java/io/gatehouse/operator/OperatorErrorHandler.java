package io.gatehouse.operator;

import io.gatehouse.web.ErrorBody;
import io.gatehouse.web.PathFamily;
import io.gatehouse.web.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator API's error JSON ({@code {"error": code, "detail": text}}): for its controllers' failures, and, as
 * the operator family's {@link ErrorBody}, for the refusals of every other layer on an {@code /operator} path (a
 * body that cannot be read among them: web.ClientFaults).
 */
@RestControllerAdvice(basePackageClasses = OperatorErrorHandler.class)
class OperatorErrorHandler implements ErrorBody {

    private static final Logger log = LoggerFactory.getLogger(OperatorErrorHandler.class);

    private final JsonMapper json;

    OperatorErrorHandler(JsonMapper json) {
        this.json = json;
    }

    @ExceptionHandler(OperatorException.class)
    ResponseEntity<Map<String, Object>> operator(OperatorException e) {
        return ResponseEntity.status(e.status()).body(body(e.code(), e.getMessage()));
    }

    /** A query parameter or path segment of the wrong type, such as {@code ?limit=ten}. */
    @ExceptionHandler(TypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mistyped(TypeMismatchException e) {
        return ResponseEntity.badRequest().body(body("invalid_request", "Parameter '" + e.getPropertyName()
                + "' has the wrong type" + (e.getRequiredType() == null ? "." : "; expected "
                + e.getRequiredType().getSimpleName() + ".")));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Map<String, Object>> unexpected(RuntimeException e) {
        log.error("Unexpected operator API failure", e);
        return ResponseEntity.status(500).body(body("internal_error", "Internal error."));
    }

    @Override
    public PathFamily family() {
        return PathFamily.OPERATOR;
    }

    @Override
    public Rendered render(HttpServletRequest request, Refusal refusal) {
        return new Rendered("application/json", json.writeValueAsBytes(body(refusal.code(), refusal.detail())));
    }

    static Map<String, Object> body(String code, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("detail", detail);
        return body;
    }
}
