package io.gatehouse.operator;

import io.gatehouse.audit.AuditLog;
import io.gatehouse.audit.DeploymentAuditLog;
import io.gatehouse.provider.SigningKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenID Provider's signing keys (provider.SigningKeys): {@code GET /operator/v1/provider/signing-keys} lists
 * them (kid and dates, never key material), {@code POST /operator/v1/provider/signing-keys/rotate} adds a key that is
 * published at once and signs after the publish lead, the previous one staying published for the verify overlap.
 */
@RestController
class OperatorSigningKeysController {

    private final SigningKeys keys;
    private final DeploymentAuditLog audit;

    OperatorSigningKeysController(SigningKeys keys, DeploymentAuditLog audit) {
        this.keys = keys;
        this.audit = audit;
    }

    @GetMapping("/operator/v1/provider/signing-keys")
    List<Map<String, Object>> list() {
        return keys.list().stream().map(OperatorSigningKeysController::view).toList();
    }

    @PostMapping("/operator/v1/provider/signing-keys/rotate")
    ResponseEntity<Map<String, Object>> rotate() {
        SigningKeys.KeyInfo added = keys.rotate();
        audit.record("provider", "signing-keys", AuditLog.SUPPORT_TEAM, "SIGNING_KEY_ROTATED",
                "new key " + added.kid() + " signs from " + added.signsFrom());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(added));
    }

    private static Map<String, Object> view(SigningKeys.KeyInfo k) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("kid", k.kid());
        v.put("createdAt", k.createdAt().toString());
        v.put("signsFrom", k.signsFrom().toString());
        v.put("verifyUntil", k.verifyUntil() == null ? null : k.verifyUntil().toString());
        v.put("signing", k.signing());
        return v;
    }
}
