package io.gatehouse.operator;

import io.gatehouse.application.ApplicationConflictException;
import io.gatehouse.application.InvalidApplicationException;
import io.gatehouse.application.UnknownApplicationException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Product applications' refusals as operator API errors ({@code {"error", "detail"}}, plus {@code field} for a
 * value at fault). Ordered before {@link OperatorErrorHandler}, whose catch-all would otherwise make them 500s.
 */
@RestControllerAdvice(assignableTypes = {OperatorApplicationsController.class, OperatorWebhooksController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class OperatorApplicationErrorHandler {

    @ExceptionHandler(InvalidApplicationException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidApplicationException e) {
        Map<String, Object> body = OperatorErrorHandler.body("invalid_request", e.getMessage());
        body.put("field", e.field());
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler(UnknownApplicationException.class)
    ResponseEntity<Map<String, Object>> unknown(UnknownApplicationException e) {
        return ResponseEntity.status(404).body(OperatorErrorHandler.body("not_found", e.getMessage()));
    }

    @ExceptionHandler(ApplicationConflictException.class)
    ResponseEntity<Map<String, Object>> conflict(ApplicationConflictException e) {
        return ResponseEntity.status(409).body(OperatorErrorHandler.body("conflict", e.getMessage()));
    }

    /** A mistyped field is named. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        String detail = "The request body is not valid JSON.";
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            detail = "The field \"" + mismatch.getPath().get(0).getPropertyName() + "\" has the wrong type.";
        }
        return ResponseEntity.badRequest().body(OperatorErrorHandler.body("invalid_request", detail));
    }
}
