package io.gatehouse.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles failed bearer authentication per client address on the machine APIs ({@code /scim}, {@code /operator},
 * {@code /api}).
 * Each 401 answered to a request that presented credentials takes a token from the address's bucket, so an
 * address has {@code failuresPerMinute} failures to spend per minute. An address that has spent them gets 429 with
 * Retry-After before its credentials are even looked up, until the bucket refills. Successful requests only look
 * the address up (no bucket is created for them), and requests in flight hold nothing, so a client with many
 * concurrent connections (Entra, the benchmark) is never refused for its concurrency. Guesses already in flight
 * when the budget runs out still complete: the overshoot is bounded by the client's concurrency. IPv6 clients are
 * grouped by their /64 prefix (one subscriber's network).
 * Behind a proxy, configure {@code server.forward-headers-strategy} so that the remote address is the client's.
 */
public class AuthFailureThrottleFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuthFailureThrottleFilter.class);

    private final KeyedRateLimiter failures;
    private final Counter refused;

    public AuthFailureThrottleFilter(KeyedRateLimiter failures, MeterRegistry meters) {
        this.failures = failures;
        this.refused = Counter.builder("gatehouse.throttled.requests").tag("reason", "auth-failures")
                .description("Requests refused with 429 because their address failed authentication too often")
                .register(meters);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = clientKey(request.getRemoteAddr());
        long wait = failures.waitFor(address);
        if (wait > 0) {
            refused.increment();
            log.debug("Refused a request from {}: too many failed authentications", address);
            Refusals.tooManyRequests(request, response, KeyedRateLimiter.retryAfterSeconds(wait),
                    "Too many failed authentication attempts from this address; retry later.");
            return;
        }
        chain.doFilter(request, response);
        // A request without credentials is not a guess (and costs no token lookup): it does not count.
        if (response.getStatus() == 401 && request.getHeader("Authorization") != null) {
            failures.take(address);
        }
    }

    /** The address itself for IPv4; the /64 network for IPv6. */
    static String clientKey(String remoteAddr) {
        if (remoteAddr == null) {
            return "unknown";
        }
        if (remoteAddr.indexOf(':') < 0) {
            return remoteAddr;
        }
        try {
            byte[] b = InetAddress.getByName(remoteAddr).getAddress(); // a literal: no name lookup
            if (b.length != 16) {
                return remoteAddr;
            }
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                key.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
            }
            return key.append(":/64").toString();
        } catch (UnknownHostException e) {
            return remoteAddr;
        }
    }
}
