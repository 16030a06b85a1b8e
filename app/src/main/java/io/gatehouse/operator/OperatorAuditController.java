package io.gatehouse.operator;

import io.gatehouse.audit.AuditEvent;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.tenancy.CompanyId;
import io.gatehouse.tenancy.CompanyService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The company's audit log for the support team, newest first:
 * {@code GET /operator/v1/companies/{id}/audit-log?limit=N} (1 to 1000, default 100) →
 * {@code [{occurredAt, actor, action, detail}, …]}.
 */
@RestController
@RequestMapping("/operator/v1/companies/{id}")
class OperatorAuditController {

    private final CompanyService companies;
    private final AuditLog audit;

    OperatorAuditController(CompanyService companies, AuditLog audit) {
        this.companies = companies;
        this.audit = audit;
    }

    @GetMapping("/audit-log")
    List<Map<String, Object>> auditLog(@PathVariable String id, @RequestParam(defaultValue = "100") int limit) {
        CompanyId company = CompanyId.parse(id).flatMap(companies::find).map(c -> c.id())
                .orElseThrow(() -> OperatorException.notFound("Company " + id));
        if (limit < 1 || limit > 1000) {
            throw OperatorException.invalid("limit must be between 1 and 1000.");
        }
        return audit.recent(company, limit).stream().map(OperatorAuditController::view).toList();
    }

    private static Map<String, Object> view(AuditEvent e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("occurredAt", e.occurredAt().toString());
        out.put("actor", e.actor());
        out.put("action", e.action());
        out.put("target", e.target());
        out.put("outcome", e.outcome());
        out.put("detail", e.detail());
        return out;
    }
}
