package io.gatehouse.oidc;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator's one multi-tenant Entra application ("Sign in with Microsoft"). Without a client id and
 * secret the feature is off: the login page shows no button and the endpoints answer "not available".
 *
 * @param authorityBase Entra's login host, {@code https://login.microsoftonline.com} (another for sovereign
 *                      clouds, a local OpenID provider in tests)
 * @param clientId      the application (client) id of the registration
 * @param clientSecret  a client secret of the registration
 * @param consentScope  what the admin consent endpoint asks for: {@code https://graph.microsoft.com/.default}
 *                      grants the permissions listed on the registration (openid, profile, email); sovereign
 *                      clouds have another Graph host
 */
@ConfigurationProperties(prefix = "gatehouse.oidc.microsoft")
public record OidcProperties(String authorityBase, String clientId, String clientSecret, String consentScope) {

    public OidcProperties {
        authorityBase = authorityBase == null || authorityBase.isBlank() ? "https://login.microsoftonline.com"
                : authorityBase.strip();
        if (authorityBase.endsWith("/")) {
            authorityBase = authorityBase.substring(0, authorityBase.length() - 1);
        }
        URI uri = URI.create(authorityBase);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("gatehouse.oidc.microsoft.authority-base must be an absolute URL: "
                    + authorityBase);
        }
        clientId = blankToNull(clientId);
        clientSecret = blankToNull(clientSecret);
        consentScope = consentScope == null || consentScope.isBlank() ? "https://graph.microsoft.com/.default"
                : consentScope.strip();
    }

    public boolean configured() {
        return clientId != null && clientSecret != null;
    }

    /** Entra's multi-tenant ("any work or school account") authority. */
    String organizations() {
        return authorityBase + "/organizations/v2.0";
    }

    /** The issuer Entra puts in ID tokens of tenant {@code tid}. */
    String issuerOf(String tid) {
        return authorityBase + "/" + tid + "/v2.0";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
