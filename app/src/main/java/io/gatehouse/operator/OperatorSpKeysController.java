package io.gatehouse.operator;

import io.gatehouse.audit.AuditLog;
import io.gatehouse.saml.SpKeyInfo;
import io.gatehouse.saml.SpKeyRotation;
import io.gatehouse.tenancy.CompanyId;
import io.gatehouse.tenancy.CompanyService;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * A company's SP keys (our SAML signing and encryption key pairs) and their rotation without downtime:
 * {@code GET …/saml-sp-keys}; {@code POST …/saml-sp-keys {"use":"ENCRYPTION"|"SIGNING"}} creates the next key
 * (published in our metadata at once); {@code POST …/saml-sp-keys/{key}/activate {"graceDays":7}} makes it current;
 * {@code POST …/saml-sp-keys/{key}/retire} ends a previous or unwanted next key. Every step is in the company's
 * audit log. Never shows a private key.
 */
@RestController
@RequestMapping("/operator/v1/companies/{id}/saml-sp-keys")
class OperatorSpKeysController {

    private final CompanyService companies;
    private final SpKeyRotation rotation;

    OperatorSpKeysController(CompanyService companies, SpKeyRotation rotation) {
        this.companies = companies;
        this.rotation = rotation;
    }

    @GetMapping
    Map<String, Object> list(@PathVariable String id) {
        return Map.of("keys", rotation.list(company(id)));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SpKeyInfo createNext(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        CompanyId company = company(id);
        String use = body == null || !body.path("use").isString() ? null : body.path("use").asString();
        if (!"SIGNING".equals(use) && !"ENCRYPTION".equals(use)) {
            throw OperatorException.invalid("use must be \"SIGNING\" or \"ENCRYPTION\".");
        }
        try {
            return rotation.createNext(company, use, AuditLog.SUPPORT_TEAM);
        } catch (SpKeyRotation.StepRefused e) {
            throw conflict(e);
        }
    }

    @PostMapping("/{key}/activate")
    SpKeyInfo activate(@PathVariable String id, @PathVariable String key,
                       @RequestBody(required = false) JsonNode body) {
        CompanyId company = company(id);
        long keyId = key(company, key);
        Duration grace = SpKeyRotation.DEFAULT_GRACE;
        if (body != null && body.has("graceDays")) {
            JsonNode days = body.path("graceDays");
            if (!days.isIntegralNumber() || days.asLong() < 0 || days.asLong() > SpKeyRotation.MAX_GRACE.toDays()) {
                throw OperatorException.invalid("graceDays must be a whole number from 0 to "
                        + SpKeyRotation.MAX_GRACE.toDays() + ".");
            }
            grace = Duration.ofDays(days.asLong());
        }
        try {
            return rotation.activate(company, keyId, grace, AuditLog.SUPPORT_TEAM);
        } catch (SpKeyRotation.StepRefused e) {
            throw conflict(e);
        }
    }

    @PostMapping("/{key}/retire")
    SpKeyInfo retire(@PathVariable String id, @PathVariable String key) {
        CompanyId company = company(id);
        try {
            return rotation.retire(company, key(company, key), AuditLog.SUPPORT_TEAM);
        } catch (SpKeyRotation.StepRefused e) {
            throw conflict(e);
        }
    }

    private CompanyId company(String id) {
        return CompanyId.parse(id).flatMap(companies::find).map(c -> c.id())
                .orElseThrow(() -> OperatorException.notFound("Company " + id));
    }

    /** A key of this company, or 404 (another company's key id is not found either). */
    private long key(CompanyId company, String key) {
        try {
            long keyId = Long.parseLong(key);
            if (rotation.find(company, keyId).isPresent()) {
                return keyId;
            }
        } catch (NumberFormatException e) {
            // not found, below
        }
        throw OperatorException.notFound("SP key " + key);
    }

    private static OperatorException conflict(SpKeyRotation.StepRefused e) {
        return new OperatorException(409, "conflict", e.getMessage());
    }
}
