package io.gatehouse.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Failed bearer authentication per client address ({@code gatehouse.auth-throttle.*}), for {@code /scim} and
 * {@code /operator}; kept in each node's memory.
 *
 * @param failuresPerMinute failed attempts an address may make per minute (also the burst) before 429
 */
@ConfigurationProperties(prefix = "gatehouse.auth-throttle")
public record AuthThrottleProperties(int failuresPerMinute) {

    public AuthThrottleProperties {
        if (failuresPerMinute < 1) {
            failuresPerMinute = 20;
        }
    }
}
