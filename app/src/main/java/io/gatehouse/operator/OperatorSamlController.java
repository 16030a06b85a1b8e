package io.gatehouse.operator;

import io.gatehouse.audit.AuditLog;
import io.gatehouse.saml.EmailDomains;
import io.gatehouse.saml.InvalidConnectionException;
import io.gatehouse.saml.LoginEvent;
import io.gatehouse.saml.LoginLog;
import io.gatehouse.saml.OptionsPatch;
import io.gatehouse.saml.SamlConnectionService;
import io.gatehouse.tenancy.CompanyId;
import io.gatehouse.tenancy.CompanyService;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The support team's API for a company's SAML single sign-on: IdP connection, sign-in log, email domains. */
@RestController
@RequestMapping("/operator/v1/companies/{id}")
class OperatorSamlController {

    /** Upload cap; the metadata itself is limited further when it is parsed. */
    private static final int MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

    record MetadataUrl(String metadataUrl) {}

    record Domains(List<String> domains) {}

    private final CompanyService companies;
    private final SamlConnectionService connections;
    private final LoginLog loginLog;
    private final EmailDomains emailDomains;
    private final CompanyOperations operations;

    OperatorSamlController(CompanyService companies, SamlConnectionService connections, LoginLog loginLog,
                           EmailDomains emailDomains, CompanyOperations operations) {
        this.operations = operations;
        this.companies = companies;
        this.connections = connections;
        this.loginLog = loginLog;
        this.emailDomains = emailDomains;
    }

    /** The IdP's metadata document as the body, e.g. Entra's downloaded "Federation Metadata XML". */
    @PutMapping(path = "/saml-connection",
            consumes = {"application/xml", "text/xml", "application/samlmetadata+xml"})
    Map<String, Object> uploadMetadata(@PathVariable String id, HttpServletRequest request) throws IOException {
        CompanyId company = company(id);
        return SamlConnectionView.of(connections.saveMetadata(company, AuditLog.SUPPORT_TEAM, boundedBody(request)));
    }

    /** {"metadataUrl": "https://…"}: fetched now and refreshed on a schedule, so certificate rollovers need no action. */
    @PutMapping(path = "/saml-connection", consumes = "application/json")
    Map<String, Object> useMetadataUrl(@PathVariable String id, @RequestBody(required = false) MetadataUrl body) {
        CompanyId company = company(id);
        if (body == null || body.metadataUrl() == null) {
            throw InvalidConnectionException.of("metadataUrl", "a JSON body {\"metadataUrl\": \"https://…\"} is "
                    + "required, or upload the metadata XML with Content-Type application/xml");
        }
        return SamlConnectionView.of(connections.saveMetadataUrl(company, AuditLog.SUPPORT_TEAM, body.metadataUrl()));
    }

    @PatchMapping(path = "/saml-connection", consumes = "application/json")
    Map<String, Object> updateOptions(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        CompanyId company = company(id);
        OptionsPatch patch = SamlOptionsJson.parse(body);
        return connections.updateOptions(company, AuditLog.SUPPORT_TEAM, patch).map(SamlConnectionView::of)
                .orElseThrow(() -> noConnection(id));
    }

    @GetMapping("/saml-connection")
    Map<String, Object> get(@PathVariable String id) {
        return connections.report(company(id)).map(SamlConnectionView::of).orElseThrow(() -> noConnection(id));
    }

    /** The company's sign-in log, newest first: find a person's failed sign-in by the reference they were shown. */
    @GetMapping("/saml-log")
    List<LoginEvent> signInLog(@PathVariable String id, @RequestParam(defaultValue = "100") int limit) {
        CompanyId company = company(id);
        if (limit < 1 || limit > 1000) {
            throw OperatorException.invalid("limit must be between 1 and 1000.");
        }
        return loginLog.recent(company, limit);
    }

    @PutMapping(path = "/email-domains", consumes = "application/json")
    Map<String, Object> replaceDomains(@PathVariable String id, @RequestBody(required = false) Domains body) {
        CompanyId company = company(id);
        try {
            return Map.of("domains", operations.replaceEmailDomains(company, AuditLog.SUPPORT_TEAM,
                    body == null ? null : body.domains()));
        } catch (IllegalArgumentException e) {
            throw OperatorException.invalid(e.getMessage());
        } catch (EmailDomains.DomainTakenException e) {
            throw new OperatorException(409, "conflict", e.getMessage());
        }
    }

    @GetMapping("/email-domains")
    Map<String, Object> domains(@PathVariable String id) {
        return Map.of("domains", emailDomains.list(company(id)));
    }

    @ExceptionHandler(InvalidConnectionException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidConnectionException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid_saml_connection");
        body.put("detail", e.getMessage());
        body.put("errors", e.errors().stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        return ResponseEntity.badRequest().body(body);
    }

    private CompanyId company(String id) {
        return CompanyId.parse(id).flatMap(companies::find).map(c -> c.id())
                .orElseThrow(() -> OperatorException.notFound("Company " + id));
    }

    private static OperatorException noConnection(String id) {
        return OperatorException.notFound("SAML connection of company " + id);
    }

    private static byte[] boundedBody(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_UPLOAD_BYTES + 1);
            if (body.length > MAX_UPLOAD_BYTES) {
                throw InvalidConnectionException.of("document", "metadata larger than " + MAX_UPLOAD_BYTES
                        + " bytes is not accepted");
            }
            return body;
        }
    }
}
