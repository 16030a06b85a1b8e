package io.gatehouse.application;

import io.gatehouse.tenancy.CompanyId;
import java.time.Instant;
import java.util.List;

/**
 * A product application's registration, as the OpenID Provider, webhooks and the product API read it
 * ({@link ProductApplications#findByClientId}). Holds no secret.
 */
public record ProductApplication(ApplicationId id, String clientId, ClientType clientType,
                                 ApplicationSettings settings, Instant createdAt, Instant updatedAt) {

    public String name() {
        return settings.name();
    }

    public boolean enabled() {
        return settings.enabled();
    }

    public List<String> redirectUris() {
        return settings.redirectUris();
    }

    /** Where an IdP-initiated sign-in lands: one of {@link #redirectUris()}. */
    public String defaultRedirectUri() {
        return settings.defaultRedirectUri();
    }

    public List<String> postLogoutRedirectUris() {
        return settings.postLogoutRedirectUris();
    }

    /** OpenID Connect Back-Channel Logout 1.0 endpoint, or null. */
    /** Where a sign-in started at the identity provider is handed to the product (OIDC Core 4), or null. */
    public String initiateLoginUri() {
        return settings.initiateLoginUri();
    }

    public String backChannelLogoutUri() {
        return settings.backChannelLogoutUri();
    }

    /** Exact string match (RFC 9700 §2.1): no prefix, no normalisation, no pattern. */
    public boolean allowsRedirectUri(String presented) {
        return presented != null && settings.redirectUris().contains(presented);
    }

    public boolean allowsPostLogoutRedirectUri(String presented) {
        return presented != null && settings.postLogoutRedirectUris().contains(presented);
    }

    public boolean serves(CompanyId company) {
        return settings.servesAllCompanies() || settings.companyIds().contains(company);
    }

    public boolean confidential() {
        return clientType == ClientType.CONFIDENTIAL;
    }
}
