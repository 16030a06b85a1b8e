package io.gatehouse.config;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service's configuration, validated at start-up so a bad value fails fast instead of at first use.
 *
 * @param baseUrl public URL that Entity IDs, Reply URLs and the SCIM tenant URL are built from
 * @param operatorToken operator API token; blank means "generate one on first start"
 */
@ConfigurationProperties(prefix = "gatehouse")
public record GatehouseProperties(String baseUrl, String operatorToken, Scim scim) {

    public record Scim(int maxPayloadBytes, int maxResults, int defaultCount) {}

    public GatehouseProperties {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("gatehouse.base-url must be set");
        }
        URI uri = URI.create(baseUrl);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("gatehouse.base-url must be an absolute http(s) URL: " + baseUrl);
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        if (scim == null) {
            scim = new Scim(1_048_576, 1000, 100);
        }
    }

    public String scimBaseUrl() {
        return baseUrl + "/scim/v2";
    }
}
