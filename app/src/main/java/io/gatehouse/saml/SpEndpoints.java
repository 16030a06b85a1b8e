package io.gatehouse.saml;

import io.gatehouse.config.GatehouseProperties;
import io.gatehouse.tenancy.CompanyId;
import org.springframework.stereotype.Component;

/**
 * Our URLs for a company, built from the public base URL (architecture "Contracts"): these are the values
 * an IT admin pastes into Entra, so they must never depend on the host a request happened to arrive on.
 */
@Component
public class SpEndpoints {

    private final String base;

    SpEndpoints(GatehouseProperties properties) {
        this.base = properties.baseUrl();
    }

    public String metadataUrl(CompanyId company) {
        return base + "/saml/" + company + "/metadata";
    }

    /** The Reply URL (Assertion Consumer Service), also the required Destination and Recipient. */
    public String acsUrl(CompanyId company) {
        return base + "/saml/" + company + "/acs";
    }

    /** Our SingleLogoutService (HTTP-Redirect): Entra's "Logout Url", where the IdP's logout messages arrive. */
    public String logoutUrl(CompanyId company) {
        return base + "/saml/" + company + "/slo";
    }

    public String loginUrl(CompanyId company) {
        return base + "/saml/" + company + "/login";
    }

    /** The Entity ID (Entra's "Identifier"): the metadata URL unless the admin overrode it. */
    public String entityId(CompanyId company, ConnectionOptions options) {
        String override = options == null ? null : options.spEntityIdOverride();
        return override != null ? override : metadataUrl(company);
    }
}
