package io.gatehouse.operator;

import io.gatehouse.audit.AuditLog;
import io.gatehouse.audit.ProvisioningEvent;
import io.gatehouse.audit.ProvisioningLog;
import io.gatehouse.config.GatehouseProperties;
import io.gatehouse.credentials.IssuedToken;
import io.gatehouse.credentials.TokenInfo;
import io.gatehouse.credentials.TokenService;
import io.gatehouse.directory.DirectoryLock;
import io.gatehouse.tenancy.Company;
import io.gatehouse.tenancy.CompanyId;
import io.gatehouse.tenancy.CompanyService;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The support team's API: companies, plans, SCIM tokens, provisioning log. */
@RestController
@RequestMapping("/operator/v1/companies")
class OperatorCompaniesController {

    record CreateCompany(String name, String plan) {}

    record UpdateCompany(String name, String plan, Boolean provisioningEnabled) {}

    private final CompanyService companies;
    private final TokenService tokens;
    private final DirectoryLock lock;
    private final ProvisioningLog provisioningLog;
    private final GatehouseProperties properties;
    private final CompanyOperations operations;

    OperatorCompaniesController(CompanyService companies, TokenService tokens, DirectoryLock lock,
                                ProvisioningLog provisioningLog, GatehouseProperties properties,
                                CompanyOperations operations) {
        this.operations = operations;
        this.companies = companies;
        this.tokens = tokens;
        this.lock = lock;
        this.provisioningLog = provisioningLog;
        this.properties = properties;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) CreateCompany body) {
        if (body == null) {
            throw OperatorException.invalid("A JSON body {\"name\": …, \"plan\": …} is required.");
        }
        Company company = guarded(() -> companies.create(body.name(), body.plan() == null ? "standard" : body.plan()));
        return ResponseEntity.created(URI.create("/operator/v1/companies/" + company.id())).body(view(company));
    }

    @GetMapping
    List<Map<String, Object>> list() {
        return companies.list().stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id) {
        return view(company(id));
    }

    @PatchMapping("/{id}")
    Map<String, Object> update(@PathVariable String id, @RequestBody(required = false) UpdateCompany body) {
        Company company = company(id);
        if (body == null) {
            throw OperatorException.invalid("A JSON body with plan, name or provisioningEnabled is required.");
        }
        // The change and its audit entries commit together (CompanyOperations, shared with the support console).
        Company updated = guarded(() -> operations.update(company, AuditLog.SUPPORT_TEAM, body.name(), body.plan(),
                body.provisioningEnabled())).orElseThrow(() -> OperatorException.notFound("Company " + id));
        return view(updated);
    }

    @PostMapping("/{id}/scim-tokens")
    ResponseEntity<Map<String, Object>> issueToken(@PathVariable String id) {
        Company company = company(id);
        IssuedToken issued = operations.issueScimToken(company.id(), AuditLog.SUPPORT_TEAM);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", issued.id().toString());
        out.put("token", issued.token());
        out.put("prefix", issued.displayPrefix());
        out.put("scimBaseUrl", properties.scimBaseUrl());
        out.put("note", "Shown once. Paste it into Entra's Secret Token field; only a hash is kept.");
        return ResponseEntity.created(URI.create("/operator/v1/companies/" + id + "/scim-tokens/" + issued.id()))
                .body(out);
    }

    @GetMapping("/{id}/scim-tokens")
    List<Map<String, Object>> listTokens(@PathVariable String id) {
        Company company = company(id);
        return tokens.scimTokens(company.id()).stream().map(OperatorCompaniesController::tokenView).toList();
    }

    @DeleteMapping("/{id}/scim-tokens/{tokenId}")
    ResponseEntity<Void> revokeToken(@PathVariable String id, @PathVariable String tokenId) {
        Company company = company(id);
        UUID token = parseUuid(tokenId).orElseThrow(() -> OperatorException.notFound("Token " + tokenId));
        if (operations.revokeScimToken(company.id(), AuditLog.SUPPORT_TEAM, token)
                == CompanyOperations.Revocation.NOT_FOUND) {
            throw OperatorException.notFound("Token " + tokenId);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/provisioning-log")
    List<ProvisioningEvent> provisioningLog(@PathVariable String id,
                                            @RequestParam(defaultValue = "100") int limit) {
        Company company = company(id);
        if (limit < 1 || limit > 1000) {
            throw OperatorException.invalid("limit must be between 1 and 1000.");
        }
        return provisioningLog.recent(company.id(), limit);
    }

    private Company company(String id) {
        return CompanyId.parse(id).flatMap(companies::find)
                .orElseThrow(() -> OperatorException.notFound("Company " + id));
    }

    private Map<String, Object> view(Company company) {
        return CompanyView.of(company, lock.managedByIdentityProvider(company), properties);
    }

    private static Map<String, Object> tokenView(TokenInfo t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", t.id().toString());
        out.put("prefix", t.displayPrefix());
        out.put("createdAt", t.createdAt().toString());
        out.put("lastUsedAt", t.lastUsedAt() == null ? null : t.lastUsedAt().toString());
        out.put("revokedAt", t.revokedAt() == null ? null : t.revokedAt().toString());
        out.put("active", t.active());
        return out;
    }

    private static <T> T guarded(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            throw OperatorException.invalid(e.getMessage());
        }
    }

    private static java.util.Optional<UUID> parseUuid(String s) {
        try {
            return java.util.Optional.of(UUID.fromString(s));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
