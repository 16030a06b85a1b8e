package io.gatehouse.operator;

import io.gatehouse.access.AccessDeniedException;
import io.gatehouse.access.FeatureNotInPlanException;
import io.gatehouse.access.LastAdministratorException;
import io.gatehouse.access.NotInCompanyException;
import io.gatehouse.access.ProtectedAdminException;
import io.gatehouse.access.ProvisionedUserConflictException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The access model's typed failures as operator API errors. Ordered before {@link OperatorErrorHandler},
 * whose catch-all would otherwise turn them into 500s; anything not handled here still falls through to it.
 */
@RestControllerAdvice(assignableTypes = OperatorAccessController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OperatorAccessErrorHandler {

    @ExceptionHandler(NotInCompanyException.class)
    ResponseEntity<Map<String, Object>> notFound(NotInCompanyException e) {
        return error(404, "not_found", e.getMessage());
    }

    @ExceptionHandler(FeatureNotInPlanException.class)
    ResponseEntity<Map<String, Object>> notInPlan(FeatureNotInPlanException e) {
        return error(403, "feature_not_in_plan", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> denied(AccessDeniedException e) {
        return error(403, "access_denied", e.getMessage());
    }

    @ExceptionHandler({ProvisionedUserConflictException.class, ProtectedAdminException.class})
    ResponseEntity<Map<String, Object>> conflict(RuntimeException e) {
        return error(409, "conflict", e.getMessage());
    }

    /** Retiring or revoking the last active administrator. */
    @ExceptionHandler(LastAdministratorException.class)
    ResponseEntity<Map<String, Object>> lastAdministrator(LastAdministratorException e) {
        return error(409, "last_administrator", e.getMessage());
    }

    /** Two requests creating the same user or Space at once: the loser is told to retry. */
    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Map<String, Object>> concurrent(DuplicateKeyException e) {
        return error(409, "conflict", "A concurrent request created the same record; retry.");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> invalid(IllegalArgumentException e) {
        return error(400, "invalid_request", e.getMessage());
    }

    private static ResponseEntity<Map<String, Object>> error(int status, String code, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("detail", detail);
        return ResponseEntity.status(status).body(body);
    }
}
