package io.gatehouse.operator;

import io.gatehouse.credentials.OperatorCredentials;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requires the operator token on every {@code /operator} request. A generated operator token is looked up in the
 * database; when the pool cannot hand out a connection in time the answer is 503 with Retry-After (as on SCIM and
 * inside the operator controllers, {@code ratelimit.OperatorBusyHandler}), never the container's 500.
 */
class OperatorAuthFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(OperatorAuthFilter.class);

    private final OperatorCredentials credentials;

    OperatorAuthFilter(OperatorCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        String bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim() : null;
        boolean authenticated;
        try {
            authenticated = credentials.authenticate(bearer);
        } catch (DataAccessResourceFailureException | TransientDataAccessException e) {
            log.warn("Operator request deferred before authentication: {}", e.getClass().getSimpleName());
            response.setHeader("Retry-After", "2");
            write(response, 503, "{\"error\":\"busy\",\"detail\":\"The service is busy; retry after a short pause.\"}");
            return;
        }
        if (!authenticated) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"gatehouse-operator\"");
            write(response, 401, "{\"error\":\"unauthorized\",\"detail\":\"A valid operator token is required.\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void write(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }
}
