package io.gatehouse.operator;

import io.gatehouse.application.ApplicationCredential;
import io.gatehouse.application.ProductApplication;
import io.gatehouse.audit.DeploymentAuditEvent;
import io.gatehouse.credentials.IssuedToken;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The operator API's JSON of product applications, their client secrets and API keys (never a stored secret). */
final class ApplicationView {

    private ApplicationView() {}

    static Map<String, Object> of(ProductApplication app) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", app.id().toString());
        out.put("name", app.name());
        out.put("clientId", app.clientId());
        out.put("clientType", app.clientType().wireName());
        out.put("enabled", app.enabled());
        out.put("redirectUris", app.redirectUris());
        out.put("defaultRedirectUri", app.defaultRedirectUri());
        out.put("postLogoutRedirectUris", app.postLogoutRedirectUris());
        out.put("backChannelLogoutUri", app.backChannelLogoutUri());
        out.put("initiateLoginUri", app.initiateLoginUri());
        out.put("servesAllCompanies", app.settings().servesAllCompanies());
        out.put("companyIds", app.settings().companyIds().stream().map(Object::toString).toList());
        out.put("createdAt", app.createdAt().toString());
        out.put("updatedAt", app.updatedAt().toString());
        return out;
    }

    /** A secret or key at the moment it is issued: the only time it is ever shown. */
    static Map<String, Object> issued(IssuedToken issued, String field, String note) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", issued.id().toString());
        out.put(field, issued.token());
        out.put("prefix", issued.displayPrefix());
        out.put("note", note);
        return out;
    }

    static Map<String, Object> credential(ApplicationCredential c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", c.id().toString());
        out.put("prefix", c.displayPrefix());
        out.put("label", c.label());
        out.put("createdAt", text(c.createdAt()));
        out.put("lastUsedAt", text(c.lastUsedAt()));
        out.put("revokedAt", text(c.revokedAt()));
        out.put("active", c.active());
        return out;
    }

    static Map<String, Object> audit(DeploymentAuditEvent e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("occurredAt", e.occurredAt().toString());
        out.put("actor", e.actor());
        out.put("action", e.action());
        out.put("subjectType", e.subjectType());
        out.put("subjectId", e.subjectId());
        out.put("outcome", e.outcome());
        out.put("detail", e.detail());
        return out;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
