package io.gatehouse.operator;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice(basePackageClasses = OperatorErrorHandler.class)
class OperatorErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(OperatorErrorHandler.class);

    @ExceptionHandler(OperatorException.class)
    ResponseEntity<Map<String, Object>> operator(OperatorException e) {
        return ResponseEntity.status(e.status()).body(body(e.code(), e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(body("invalid_request", "The request body is not valid JSON."));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Map<String, Object>> unexpected(RuntimeException e) {
        log.error("Unexpected operator API failure", e);
        return ResponseEntity.status(500).body(body("internal_error", "Internal error."));
    }

    static Map<String, Object> body(String code, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("detail", detail);
        return body;
    }
}
