package com.example.product;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the product knows of Gatehouse besides its OAuth client registration ({@code spring.security.oauth2.client.*}):
 * the product API's base URL and application key, and the webhook signing secrets ({@code whsec_…}; two during a
 * rotation, comma-separated).
 *
 * @param apiUrl           e.g. {@code https://gatehouse.example.com/api/v1}
 * @param apiKey           the application's API key ({@code gh_key_…}), sent as a bearer token
 * @param webhookSecrets   the endpoint's signing secrets; a webhook signed by any of them is accepted
 * @param webhookTolerance how old (or how far in the future) a {@code webhook-timestamp} may be
 */
@ConfigurationProperties("gatehouse")
public record GatehouseSettings(String apiUrl, String apiKey, List<String> webhookSecrets,
                                @DefaultValue("5m") Duration webhookTolerance) {

    public GatehouseSettings {
        webhookSecrets = webhookSecrets == null ? List.of() : List.copyOf(webhookSecrets);
    }
}
