package io.gatehouse.operator;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.gatehouse.application.ApplicationChanges;
import io.gatehouse.application.ApplicationId;
import io.gatehouse.application.ApplicationRegistrations;
import io.gatehouse.application.InvalidApplicationException;
import io.gatehouse.application.ProductApplication;
import io.gatehouse.application.ProductApplications;
import io.gatehouse.application.Revocation;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.audit.DeploymentAuditLog;
import io.gatehouse.credentials.IssuedToken;
import io.gatehouse.tenancy.CompanyId;
import io.gatehouse.tenancy.CompanyService;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The support team's API for product applications ({@code /operator/v1/applications}): register, list, change,
 * delete; the companies each serves; client secrets and API keys (each shown once, on the answer that issues it);
 * the application's audit log. Changes go through application.ApplicationRegistrations, audited as the support
 * team. Refusals: OperatorApplicationErrorHandler.
 */
@RestController
@RequestMapping("/operator/v1/applications")
class OperatorApplicationsController {

    // Fields the records do not know land in "unknown" and are refused by name: a misspelt field (redirectUri)
    // must not be a silent no-op that answers 200.
    record CreateApplication(String name, String clientType, List<String> redirectUris, String defaultRedirectUri,
                             List<String> postLogoutRedirectUris, String backChannelLogoutUri,
                             Boolean servesAllCompanies, List<String> companyIds, Boolean enabled,
                             String initiateLoginUri, @JsonAnySetter Map<String, Object> unknown) {}

    record UpdateApplication(String name, List<String> redirectUris, String defaultRedirectUri,
                             List<String> postLogoutRedirectUris, String backChannelLogoutUri,
                             Boolean servesAllCompanies, List<String> companyIds, Boolean enabled,
                             String initiateLoginUri, @JsonAnySetter Map<String, Object> unknown) {}

    record IssueKey(String label, @JsonAnySetter Map<String, Object> unknown) {}

    static final String SECRET_NOTE = "Shown once: configure it as the product's OAuth client secret; only a hash is "
            + "kept. The application's other active secret stays valid until you revoke it.";
    static final String KEY_NOTE = "Shown once: the product's backend sends it as Authorization: Bearer <key> to "
            + "/api/v1; only a hash is kept.";

    private final ApplicationRegistrations registrations;
    private final ProductApplications applications;
    private final CompanyService companies;
    private final DeploymentAuditLog audit;

    OperatorApplicationsController(ApplicationRegistrations registrations, ProductApplications applications,
                                   CompanyService companies, DeploymentAuditLog audit) {
        this.registrations = registrations;
        this.applications = applications;
        this.companies = companies;
        this.audit = audit;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) CreateApplication body) {
        if (body == null) {
            throw OperatorException.invalid("A JSON body {\"name\": …, \"clientType\": \"confidential\", "
                    + "\"redirectUris\": […]} is required.");
        }
        refuseUnknown(body.unknown());
        ApplicationRegistrations.Registered registered = registrations.register(body.clientType(),
                new ApplicationChanges(body.name(), body.redirectUris(), body.defaultRedirectUri(),
                        body.postLogoutRedirectUris(), body.backChannelLogoutUri(), body.servesAllCompanies(),
                        body.companyIds(), body.enabled(), body.initiateLoginUri()), AuditLog.SUPPORT_TEAM);
        Map<String, Object> out = ApplicationView.of(registered.application());
        if (registered.clientSecret() != null) {
            out.put("clientSecret", ApplicationView.issued(registered.clientSecret(), "secret", SECRET_NOTE));
        }
        return ResponseEntity.created(URI.create("/operator/v1/applications/" + registered.application().id()))
                .body(out);
    }

    @GetMapping
    List<Map<String, Object>> list() {
        return applications.list().stream().map(ApplicationView::of).toList();
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id) {
        return ApplicationView.of(application(id));
    }

    @PatchMapping("/{id}")
    Map<String, Object> update(@PathVariable String id, @RequestBody(required = false) UpdateApplication body) {
        ProductApplication app = application(id);
        if (body == null) {
            throw OperatorException.invalid("A JSON body with the fields to change is required.");
        }
        refuseUnknown(body.unknown());
        return ApplicationView.of(registrations.update(app.id(), new ApplicationChanges(body.name(),
                body.redirectUris(), body.defaultRedirectUri(), body.postLogoutRedirectUris(),
                body.backChannelLogoutUri(), body.servesAllCompanies(), body.companyIds(), body.enabled(),
                body.initiateLoginUri()),
                AuditLog.SUPPORT_TEAM));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        registrations.delete(application(id).id(), AuditLog.SUPPORT_TEAM);
        return ResponseEntity.noContent().build();
    }

    /** Adds one company to the served list (no change when it is served already). */
    @PutMapping("/{id}/companies/{companyId}")
    ResponseEntity<Void> addCompany(@PathVariable String id, @PathVariable String companyId) {
        ProductApplication app = application(id);
        registrations.addCompany(app.id(), company(companyId), AuditLog.SUPPORT_TEAM);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}/companies/{companyId}")
    ResponseEntity<Void> removeCompany(@PathVariable String id, @PathVariable String companyId) {
        ProductApplication app = application(id);
        registrations.removeCompany(app.id(), company(companyId), AuditLog.SUPPORT_TEAM);
        return ResponseEntity.noContent().build();
    }

    /** Rotation, step 1: a second secret; step 2 (after the product uses it): revoke the old one. */
    @PostMapping("/{id}/client-secrets")
    ResponseEntity<Map<String, Object>> issueSecret(@PathVariable String id) {
        ProductApplication app = application(id);
        IssuedToken issued = registrations.issueClientSecret(app.id(), AuditLog.SUPPORT_TEAM);
        return ResponseEntity.created(URI.create("/operator/v1/applications/" + id + "/client-secrets/" + issued.id()))
                .body(ApplicationView.issued(issued, "secret", SECRET_NOTE));
    }

    @GetMapping("/{id}/client-secrets")
    List<Map<String, Object>> listSecrets(@PathVariable String id) {
        return applications.clientSecrets(application(id).id()).stream().map(ApplicationView::credential).toList();
    }

    @DeleteMapping("/{id}/client-secrets/{secretId}")
    ResponseEntity<Void> revokeSecret(@PathVariable String id, @PathVariable String secretId) {
        ProductApplication app = application(id);
        revoked(registrations.revokeClientSecret(app.id(), uuid(secretId, "Client secret"), AuditLog.SUPPORT_TEAM),
                "Client secret " + secretId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/api-keys")
    ResponseEntity<Map<String, Object>> issueKey(@PathVariable String id,
                                                 @RequestBody(required = false) IssueKey body) {
        ProductApplication app = application(id);
        refuseUnknown(body == null ? null : body.unknown());
        IssuedToken issued = registrations.issueApiKey(app.id(), body == null ? null : body.label(),
                AuditLog.SUPPORT_TEAM);
        Map<String, Object> out = ApplicationView.issued(issued, "key", KEY_NOTE);
        out.put("label", body == null || body.label() == null || body.label().isBlank() ? null : body.label().strip());
        return ResponseEntity.created(URI.create("/operator/v1/applications/" + id + "/api-keys/" + issued.id()))
                .body(out);
    }

    @GetMapping("/{id}/api-keys")
    List<Map<String, Object>> listKeys(@PathVariable String id) {
        return applications.apiKeys(application(id).id()).stream().map(ApplicationView::credential).toList();
    }

    @DeleteMapping("/{id}/api-keys/{keyId}")
    ResponseEntity<Void> revokeKey(@PathVariable String id, @PathVariable String keyId) {
        ProductApplication app = application(id);
        revoked(registrations.revokeApiKey(app.id(), uuid(keyId, "API key"), AuditLog.SUPPORT_TEAM),
                "API key " + keyId);
        return ResponseEntity.noContent().build();
    }

    /** The application's audit entries, newest first ({@code limit} 1 to 1000, default 100). */
    @GetMapping("/{id}/audit-log")
    List<Map<String, Object>> auditLog(@PathVariable String id, @RequestParam(defaultValue = "100") int limit) {
        ProductApplication app = application(id);
        if (limit < 1 || limit > 1000) {
            throw OperatorException.invalid("limit must be between 1 and 1000.");
        }
        return audit.recent(DeploymentAuditLog.APPLICATION, app.id().toString(), limit).stream()
                .map(ApplicationView::audit).toList();
    }

    private ProductApplication application(String id) {
        return ApplicationId.parse(id).flatMap(applications::find)
                .orElseThrow(() -> OperatorException.notFound("Application " + id));
    }

    private CompanyId company(String id) {
        return CompanyId.parse(id).filter(c -> companies.find(c).isPresent())
                .orElseThrow(() -> OperatorException.notFound("Company " + id));
    }

    static void refuseUnknown(Map<String, Object> unknown) {
        if (unknown != null && !unknown.isEmpty()) {
            String field = unknown.keySet().iterator().next();
            throw new InvalidApplicationException(field, "Unknown field \"" + field + "\".");
        }
    }

    static UUID uuid(String text, String what) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw OperatorException.notFound(what + " " + text);
        }
    }

    /** Revoking twice is fine (204); an id that is not this application's is 404. */
    private static void revoked(Revocation revocation, String what) {
        if (revocation == Revocation.NOT_FOUND) {
            throw OperatorException.notFound(what);
        }
    }
}
