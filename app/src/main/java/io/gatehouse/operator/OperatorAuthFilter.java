package io.gatehouse.operator;

import io.gatehouse.credentials.OperatorCredentials;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/** Requires the operator token on every {@code /operator} request. */
class OperatorAuthFilter extends OncePerRequestFilter {

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
        if (!credentials.authenticate(bearer)) {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"gatehouse-operator\"");
            response.setContentType("application/json");
            response.getOutputStream().write(
                    "{\"error\":\"unauthorized\",\"detail\":\"A valid operator token is required.\"}"
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }
}
