package io.gatehouse.operator;

import io.gatehouse.audit.AuditLog;
import io.gatehouse.audit.DeploymentAuditLog;
import io.gatehouse.secrets.Resealer;
import io.gatehouse.secrets.SealedSecretException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sealed secrets after a key-encryption key rotation (docs/operations.md "Key-encryption key"):
 * {@code GET /operator/v1/secrets} says how many values are not yet under the current KEK;
 * {@code POST /operator/v1/secrets/reseal} seals any value still stored in clear and moves every sealed value to the
 * current KEK, in batches, and answers what it did and what is left. Safe to repeat and to run on any node; the old
 * KEK may be removed from the configuration once {@code remaining} is 0 everywhere. Audited deployment-wide.
 */
@RestController
class OperatorSecretsController {

    static final String SUBJECT = "secrets";

    private final Resealer resealer;
    private final DeploymentAuditLog audit;

    OperatorSecretsController(Resealer resealer, DeploymentAuditLog audit) {
        this.resealer = resealer;
        this.audit = audit;
    }

    @GetMapping("/operator/v1/secrets")
    Map<String, Object> status() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("currentKek", resealer.currentKekId());
        body.put("remaining", resealer.remaining());
        return body;
    }

    @PostMapping("/operator/v1/secrets/reseal")
    Map<String, Object> reseal() {
        Resealer.Report report;
        try {
            report = resealer.run();
        } catch (SealedSecretException e) { // names the missing KEK id, never key material
            throw new OperatorException(409, "conflict", e.getMessage() + ". Keep every key-encryption key that"
                    + " still seals a value listed in GATEHOUSE_KEK until the re-seal has moved them.");
        }
        audit.record(SUBJECT, report.kek(), AuditLog.SUPPORT_TEAM, "SECRETS_RESEALED", "under key-encryption key '"
                + report.kek() + "': sealed " + report.sealed() + ", re-sealed " + report.resealed() + ", remaining "
                + report.remaining());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("currentKek", report.kek());
        body.put("sealed", report.sealed());
        body.put("resealed", report.resealed());
        body.put("remaining", report.remaining());
        return body;
    }
}
