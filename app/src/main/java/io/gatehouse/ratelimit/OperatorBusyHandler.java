package io.gatehouse.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Database overload on the operator API (pool exhausted, lock or query timeout) is 503 with Retry-After, as on
 * SCIM, instead of the operator error handler's catch-all 500. Ordered before that catch-all.
 */
@RestControllerAdvice(basePackages = "io.gatehouse.operator")
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class OperatorBusyHandler {

    private static final Logger log = LoggerFactory.getLogger(OperatorBusyHandler.class);

    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            TransientDataAccessResourceException.class, PessimisticLockingFailureException.class,
            QueryTimeoutException.class})
    ResponseEntity<Map<String, Object>> busy(RuntimeException e) {
        log.warn("Operator request deferred: {}", e.getClass().getSimpleName());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "busy");
        body.put("detail", "The service is busy; retry after a short pause.");
        return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, "2").body(body);
    }
}
