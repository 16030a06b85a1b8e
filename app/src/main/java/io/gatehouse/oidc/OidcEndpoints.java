package io.gatehouse.oidc;

import io.gatehouse.config.GatehouseProperties;
import org.springframework.stereotype.Component;

/**
 * Our redirect URIs, built from the public base URL: the operator registers exactly these in Entra (one
 * application for the whole service, so they are the same for every company).
 */
@Component
public class OidcEndpoints {

    private final String base;

    OidcEndpoints(GatehouseProperties properties) {
        this.base = properties.baseUrl();
    }

    public String signInRedirectUri() {
        return base + "/oidc/callback";
    }

    public String consentRedirectUri() {
        return base + "/oidc/consent/callback";
    }
}
