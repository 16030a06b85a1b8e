package io.gatehouse.config;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service's configuration, validated at start-up so a bad value fails fast instead of at first use.
 *
 * @param baseUrl public URL that Entity IDs, Reply URLs and the SCIM tenant URL are built from
 * @param operatorToken operator API token; blank means "generate one on first start"
 * @param productName the product's name on every page, in every instruction naming the Entra enterprise
 *     application and in the SP metadata's display name ({@code GATEHOUSE_PRODUCT_NAME}, default "Gatehouse")
 */
@ConfigurationProperties(prefix = "gatehouse")
public record GatehouseProperties(String baseUrl, String operatorToken, Scim scim, String productName) {

    public static final String DEFAULT_PRODUCT_NAME = "Gatehouse";

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
        productName = productName == null || productName.isBlank() ? DEFAULT_PRODUCT_NAME : productName.strip();
        if (productName.length() > 100 || productName.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("gatehouse.product-name must be at most 100 printable characters");
        }
        if (scim == null) {
            scim = new Scim(1_048_576, 1000, 100);
        }
    }

    public String scimBaseUrl() {
        return baseUrl + "/scim/v2";
    }
}
