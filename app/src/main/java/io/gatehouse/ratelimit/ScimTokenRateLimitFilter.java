package io.gatehouse.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-token request rate on {@code /scim}. Runs inside {@code ScimRequestFilter}, so the bearer token has already
 * been authenticated: an attacker cannot spend a real token's budget by presenting its (visible) lookup id with a
 * wrong secret. The bucket key is the token's lookup id, never the secret. Refused requests are answered 429 with
 * Retry-After in SCIM error format and still appear in the company's provisioning log (status 429).
 */
public class ScimTokenRateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ScimTokenRateLimitFilter.class);
    private static final String PREFIX = "gh_scim_";
    private static final int LOOKUP_ID_LENGTH = 16;

    private final KeyedRateLimiter limiter;
    private final Counter refused;
    private final Clock clock;
    private final ConcurrentHashMap<String, Instant> lastWarned = new ConcurrentHashMap<>();

    public ScimTokenRateLimitFilter(KeyedRateLimiter limiter, MeterRegistry meters, Clock clock) {
        this.limiter = limiter;
        this.clock = clock;
        this.refused = Counter.builder("gatehouse.throttled.requests").tag("reason", "scim-token-rate")
                .description("SCIM requests refused with 429 because their token exceeded its rate")
                .register(meters);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = lookupId(request.getHeader("Authorization"));
        if (key != null) {
            long wait = limiter.take(key);
            if (wait > 0) {
                refused.increment();
                warnOncePerMinute(key);
                Refusals.tooManyRequests(request, response, KeyedRateLimiter.retryAfterSeconds(wait),
                        "Too many requests for this SCIM token; retry after the number of seconds in Retry-After.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The lookup id of a SCIM bearer token (public part, e.g. shown as gh_scim_&lt;id&gt;), or null. */
    static String lookupId(String authorization) {
        if (authorization == null || authorization.length() < 7 + PREFIX.length() + LOOKUP_ID_LENGTH
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        if (!token.startsWith(PREFIX) || token.length() < PREFIX.length() + LOOKUP_ID_LENGTH) {
            return null;
        }
        return token.substring(PREFIX.length(), PREFIX.length() + LOOKUP_ID_LENGTH);
    }

    private void warnOncePerMinute(String lookupId) {
        Instant now = clock.instant();
        Instant previous = lastWarned.get(lookupId);
        if (previous == null || previous.isBefore(now.minusSeconds(60))) {
            lastWarned.put(lookupId, now);
            if (lastWarned.size() > 10_000) {
                lastWarned.clear();
            }
            log.warn("SCIM token {}{} exceeds its request rate; answering 429", PREFIX, lookupId);
        }
    }
}
