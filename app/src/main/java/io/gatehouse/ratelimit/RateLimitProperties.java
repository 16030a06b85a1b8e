package io.gatehouse.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-token SCIM request rate ({@code gatehouse.scim.rate-limit.*}). The limit is per node: a cluster of N
 * nodes behind a load balancer admits up to N times this rate for one token (see docs/security.md).
 *
 * @param requestsPerSecond sustained rate per SCIM token and node
 * @param burst requests a token may send at once before the sustained rate applies
 */
@ConfigurationProperties(prefix = "gatehouse.scim.rate-limit")
public record RateLimitProperties(double requestsPerSecond, double burst) {

    public RateLimitProperties {
        if (requestsPerSecond <= 0) {
            requestsPerSecond = 5000;
        }
        if (burst < 1) {
            burst = Math.max(1, requestsPerSecond * 2);
        }
    }
}
