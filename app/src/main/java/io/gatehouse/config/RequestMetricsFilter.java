package io.gatehouse.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The {@code http.server.requests} timers, with the name, tags and values of Spring's observation convention
 * (method, uri as the matched route pattern, status, outcome, exception), recorded directly instead of through
 * Spring's observation filter, which this application switches off
 * ({@code management.observations.enable.http.server.requests=false}). The observation built a context, key
 * values, a handler chain and a meter lookup per request: 7 % of the server's CPU in Entra's SCIM cycle (JFR,
 * bench/profile-entra-cycle.sh; issue 16). Here a request costs one map lookup and one timer record. One difference:
 * {@code exception} names only an exception that left the filter chain, not one an exception handler answered.
 */
final class RequestMetricsFilter extends OncePerRequestFilter {

    static final String NAME = "http.server.requests";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "TRACE");

    private final MeterRegistry registry;
    private final ConcurrentMap<Key, Timer> timers = new ConcurrentHashMap<>();

    RequestMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    private record Key(String method, String uri, int status, String exception) {}

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        String exception = "none";
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            exception = e.getClass().getSimpleName();
            throw e;
        } finally {
            String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "UNKNOWN";
            Key key = new Key(method, uri(request, response), response.getStatus(), exception);
            timers.computeIfAbsent(key, this::timer).record(System.nanoTime() - started,
                    java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private Timer timer(Key key) {
        return Timer.builder(NAME)
                .tag("method", key.method())
                .tag("uri", key.uri())
                .tag("status", Integer.toString(key.status()))
                .tag("outcome", outcome(key.status()))
                .tag("exception", key.exception())
                .register(registry);
    }

    /** The route pattern that served the request; as Spring's convention names requests that matched none. */
    static String uri(HttpServletRequest request, HttpServletResponse response) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern instanceof String p) {
            return p.isEmpty() ? "root" : p;
        }
        int status = response.getStatus();
        if (status >= 300 && status < 400) {
            return "REDIRECTION";
        }
        return status == 404 ? "NOT_FOUND" : "UNKNOWN";
    }

    static String outcome(int status) {
        if (status >= 100 && status < 200) {
            return "INFORMATIONAL";
        }
        if (status >= 200 && status < 300) {
            return "SUCCESS";
        }
        if (status >= 300 && status < 400) {
            return "REDIRECTION";
        }
        if (status >= 400 && status < 500) {
            return "CLIENT_ERROR";
        }
        return status >= 500 && status < 600 ? "SERVER_ERROR" : "UNKNOWN";
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }
}
