package io.gatehouse.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Directory events and webhooks ({@code gatehouse.events.*}), validated at start-up.
 *
 * @param enabled whether changes write events at all (off: no outbox row, no webhook; for measuring the cost)
 * @param retention how long a published event stays readable from the events API before it is pruned
 * @param webhooks delivery settings
 */
@ConfigurationProperties(prefix = "gatehouse.events")
public record EventsProperties(Boolean enabled, Duration retention, Webhooks webhooks) {

    /**
     * @param allowHttpLoopback development only: endpoints may be http to a loopback address (127.0.0.1, [::1],
     *                          localhost); off, every endpoint must be https to a public address
     * @param requestTimeout how long a receiver may take to answer (connect and response) before the attempt fails
     * @param retryWindow how long an endpoint may keep failing before it is disabled
     * @param lease how long a claimed stream stays a worker's before another node may take it over
     */
    public record Webhooks(boolean allowHttpLoopback, Duration requestTimeout, Duration retryWindow,
                           Duration lease) {

        public Webhooks {
            requestTimeout = positive(requestTimeout, Duration.ofSeconds(10), "webhooks.request-timeout");
            retryWindow = positive(retryWindow, Duration.ofDays(3), "webhooks.retry-window");
            lease = positive(lease, Duration.ofSeconds(60), "webhooks.lease");
            if (lease.compareTo(requestTimeout.multipliedBy(2)) < 0) {
                throw new IllegalArgumentException("gatehouse.events.webhooks.lease must be at least twice the "
                        + "request timeout, so that a slow receiver does not lose its stream to another node");
            }
        }
    }

    public EventsProperties {
        enabled = enabled == null || enabled;
        retention = positive(retention, Duration.ofDays(30), "retention");
        webhooks = webhooks == null ? new Webhooks(false, null, null, null) : webhooks;
    }

    public boolean on() {
        return enabled;
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("gatehouse.events." + name + " must be positive: " + value);
        }
        return value;
    }
}
