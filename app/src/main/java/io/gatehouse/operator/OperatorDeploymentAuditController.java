package io.gatehouse.operator;

import io.gatehouse.audit.DeploymentAuditLog;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deployment-wide audit log, newest first: {@code GET /operator/v1/audit-log?limit=N} (1 to 1000, default 100)
 * → {@code [{occurredAt, actor, action, subjectType, subjectId, detail}, …]}. Changes of one company are in that
 * company's own log ({@code /operator/v1/companies/{id}/audit-log}).
 */
@RestController
class OperatorDeploymentAuditController {

    private final DeploymentAuditLog audit;

    OperatorDeploymentAuditController(DeploymentAuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/operator/v1/audit-log")
    List<Map<String, Object>> auditLog(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw OperatorException.invalid("limit must be between 1 and 1000.");
        }
        return audit.recent(limit).stream().map(ApplicationView::audit).toList();
    }
}
