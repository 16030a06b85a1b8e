package io.gatehouse.adminaudit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every state-changing route of the console, the support console and the operator API, with the audit action it
 * is recorded under and where its entry goes. The list is explicit on purpose: a new POST/PUT/PATCH/DELETE route
 * missing here fails AuditedRoutesIT, so nobody adds an admin action without deciding how it is audited.
 */
final class AuditedRoutes {

    /** Where a route's entry belongs and who acted. */
    enum Scope {
        /** The signed-in company user's company (console). */
        SESSION_COMPANY,
        /** The company named by the path's {id} (support console, operator API); the support team acted. */
        PATH_COMPANY,
        /** A company being created: its id is not known before; a refusal goes to the deployment log. */
        NEW_COMPANY,
        /** The deployment-wide log, subject the application {id} (or none when it is being registered). */
        APPLICATION,
        /** The deployment-wide log, subject the support session (sign-in, sign-out). */
        SUPPORT_SESSION,
        /** The deployment-wide log, no single subject (provider signing keys, re-sealing secrets). */
        DEPLOYMENT
    }

    record Audited(String action, Scope scope) {}

    static final Map<String, Audited> ROUTES = new LinkedHashMap<>();

    static {
        Scope s = Scope.SESSION_COMPANY;
        put("POST /console/users/invite", "USER_INVITED", s);
        put("POST /console/users/{userId}/deactivate", "USER_DEACTIVATED", s);
        put("POST /console/users/{userId}/reactivate", "USER_REACTIVATED", s);
        put("POST /console/groups/{groupId}/spaces", "GROUP_SPACE_ACCESS_CHANGED", s);
        put("POST /console/groups/{groupId}/roles", "ROLE_GRANTED", s);
        put("POST /console/groups/{groupId}/roles/revoke", "ROLE_REVOKED", s);
        put("POST /console/spaces", "SPACE_CREATED", s);
        put("POST /console/spaces/create", "SPACE_CREATED", s);
        put("POST /console/spaces/{spaceId}/rename", "SPACE_RENAMED", s);
        put("POST /console/spaces/{spaceId}/archive", "SPACE_ARCHIVED", s);
        put("POST /console/spaces/{spaceId}/restore", "SPACE_RESTORED", s);
        put("POST /console/roles/grant", "ROLE_GRANTED", s);
        put("POST /console/roles/revoke", "ROLE_REVOKED", s);
        put("POST /console/provisioning/switch", "PROVISIONING_SWITCHED", s);
        put("POST /console/provisioning/tokens", "SCIM_TOKEN_ISSUED", s);
        put("POST /console/provisioning/tokens/{tokenId}/revoke", "SCIM_TOKEN_REVOKED", s);
        put("POST /console/settings/sso/metadata-file", "SSO_METADATA_UPLOADED", s);
        put("POST /console/settings/sso/metadata-url", "SSO_METADATA_URL_SET", s);
        put("POST /console/settings/sso/oidc", "OIDC_SETTINGS_CHANGED", s);
        put("POST /console/settings/sso/oidc/approve", "OIDC_ADMIN_CONSENT_STARTED", s);

        Scope p = Scope.PATH_COMPANY;
        put("POST /support/companies", "COMPANY_CREATED", Scope.NEW_COMPANY);
        put("POST /support/companies/{id}/plan", "PLAN_CHANGED", p);
        put("POST /support/companies/{id}/provisioning", "PROVISIONING_SWITCHED", p);
        put("POST /support/companies/{id}/domains", "EMAIL_DOMAIN_ADDED", p);
        put("POST /support/companies/{id}/domains/remove", "EMAIL_DOMAIN_REMOVED", p);
        put("POST /support/companies/{id}/tokens", "SCIM_TOKEN_ISSUED", p);
        put("POST /support/companies/{id}/tokens/{tokenId}/revoke", "SCIM_TOKEN_REVOKED", p);
        put("POST /support/companies/{id}/admins", "BREAK_GLASS_ADMIN_CREATED", p);
        put("POST /support/companies/{id}/admins/{userId}/retire", "BREAK_GLASS_ADMIN_RETIRED", p);
        put("POST /support/sign-in", "SUPPORT_SIGNED_IN", Scope.SUPPORT_SESSION);
        put("POST /support/sign-out", "SUPPORT_SIGNED_OUT", Scope.SUPPORT_SESSION);

        Scope a = Scope.APPLICATION;
        put("POST /support/applications", "APPLICATION_REGISTERED", a);
        put("POST /support/applications/{id}/settings", "APPLICATION_UPDATED", a);
        put("POST /support/applications/{id}/enabled", "APPLICATION_ENABLED_CHANGED", a);
        put("POST /support/applications/{id}/delete", "APPLICATION_DELETED", a);
        put("POST /support/applications/{id}/companies", "APPLICATION_COMPANY_ADDED", a);
        put("POST /support/applications/{id}/companies/scope", "APPLICATION_SCOPE_CHANGED", a);
        put("POST /support/applications/{id}/companies/{companyId}/remove", "APPLICATION_COMPANY_REMOVED", a);
        put("POST /support/applications/{id}/keys", "API_KEY_ISSUED", a);
        put("POST /support/applications/{id}/keys/{keyId}/revoke", "API_KEY_REVOKED", a);
        put("POST /support/applications/{id}/secrets", "CLIENT_SECRET_ISSUED", a);
        put("POST /support/applications/{id}/secrets/{secretId}/revoke", "CLIENT_SECRET_REVOKED", a);
        put("POST /support/applications/{id}/webhooks/{endpointId}/enabled", "WEBHOOK_ENDPOINT_CHANGED", a);
        put("POST /support/applications/{id}/webhooks/{endpointId}/deliveries/{webhookId}/resend",
                "WEBHOOK_DELIVERY_RESENT", a);

        put("POST /operator/v1/companies", "COMPANY_CREATED", Scope.NEW_COMPANY);
        put("PATCH /operator/v1/companies/{id}", "COMPANY_UPDATED", p);
        put("POST /operator/v1/companies/{id}/scim-tokens", "SCIM_TOKEN_ISSUED", p);
        put("DELETE /operator/v1/companies/{id}/scim-tokens/{tokenId}", "SCIM_TOKEN_REVOKED", p);
        put("POST /operator/v1/companies/{id}/admins", "BREAK_GLASS_ADMIN_CREATED", p);
        put("DELETE /operator/v1/companies/{id}/admins/{userId}", "BREAK_GLASS_ADMIN_RETIRED", p);
        put("PUT /operator/v1/companies/{id}/roles/{kind}/{granteeId}/{grant}", "ROLE_GRANTED", p);
        put("DELETE /operator/v1/companies/{id}/roles/{kind}/{granteeId}/{grant}", "ROLE_REVOKED", p);
        put("PUT /operator/v1/companies/{id}/saml-connection", "SSO_CONNECTION_SAVED", p);
        put("PATCH /operator/v1/companies/{id}/saml-connection", "SSO_OPTIONS_CHANGED", p);
        put("PUT /operator/v1/companies/{id}/email-domains", "EMAIL_DOMAINS_CHANGED", p);
        put("POST /operator/v1/companies/{id}/saml-sp-keys", "SP_KEY_CREATED", p);
        put("POST /operator/v1/companies/{id}/saml-sp-keys/{key}/activate", "SP_KEY_ACTIVATED", p);
        put("POST /operator/v1/companies/{id}/saml-sp-keys/{key}/retire", "SP_KEY_RETIRED", p);
        put("POST /operator/v1/applications", "APPLICATION_REGISTERED", a);
        put("PATCH /operator/v1/applications/{id}", "APPLICATION_UPDATED", a);
        put("DELETE /operator/v1/applications/{id}", "APPLICATION_DELETED", a);
        put("PUT /operator/v1/applications/{id}/companies/{companyId}", "APPLICATION_COMPANY_ADDED", a);
        put("DELETE /operator/v1/applications/{id}/companies/{companyId}", "APPLICATION_COMPANY_REMOVED", a);
        put("POST /operator/v1/applications/{id}/api-keys", "API_KEY_ISSUED", a);
        put("DELETE /operator/v1/applications/{id}/api-keys/{keyId}", "API_KEY_REVOKED", a);
        put("POST /operator/v1/applications/{id}/client-secrets", "CLIENT_SECRET_ISSUED", a);
        put("DELETE /operator/v1/applications/{id}/client-secrets/{secretId}", "CLIENT_SECRET_REVOKED", a);
        put("POST /operator/v1/applications/{id}/webhooks", "WEBHOOK_ENDPOINT_ADDED", a);
        put("PATCH /operator/v1/applications/{id}/webhooks/{endpointId}", "WEBHOOK_ENDPOINT_CHANGED", a);
        put("DELETE /operator/v1/applications/{id}/webhooks/{endpointId}", "WEBHOOK_ENDPOINT_DELETED", a);
        put("POST /operator/v1/applications/{id}/webhooks/{endpointId}/secrets", "WEBHOOK_SECRET_ROTATED", a);
        put("POST /operator/v1/applications/{id}/webhooks/{endpointId}/deliveries/{webhookId}/resend",
                "WEBHOOK_DELIVERY_RESENT", a);

        Scope d = Scope.DEPLOYMENT;
        put("POST /operator/v1/provider/signing-keys/rotate", "SIGNING_KEY_ROTATED", d);
        put("POST /operator/v1/secrets/reseal", "SECRETS_RESEALED", d);
    }

    private AuditedRoutes() {}

    private static void put(String route, String action, Scope scope) {
        if (ROUTES.put(route, new Audited(action, scope)) != null) {
            throw new IllegalStateException("listed twice: " + route);
        }
    }
}
