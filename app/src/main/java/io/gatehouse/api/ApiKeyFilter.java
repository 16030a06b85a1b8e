package io.gatehouse.api;

import io.gatehouse.application.ApplicationPrincipal;
import io.gatehouse.application.ProductApplications;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Front door of {@code /api}: {@code Authorization: Bearer <application API key>} → the calling application
 * ({@link ApplicationPrincipal}, a request attribute that routes take as a parameter). One indexed query per request
 * and no cache, so a revoked key or a disabled application fails on every node with the next request. Refusals are
 * 401 problem+json with {@code WWW-Authenticate: Bearer} (RFC 6750 §3); ratelimit.AuthFailureThrottleFilter, ahead
 * of this filter, counts them per client address. The key is never logged.
 */
class ApiKeyFilter extends OncePerRequestFilter {

    static final String PRINCIPAL = ApiKeyFilter.class.getName() + ".principal";
    private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

    private final ProductApplications applications;
    private final JsonMapper json;

    ApiKeyFilter(ProductApplications applications, JsonMapper json) {
        this.applications = applications;
        this.json = json;
    }

    /** The OpenAPI document is public (see ApiDocsConfig); nothing else under /api is. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return "GET".equals(request.getMethod())
                && ApiDocsConfig.DOCUMENT_PATH.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String bearer = bearer(request);
        if (bearer == null) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"gatehouse-api\"");
            ApiProblems.write(request, response, json, HttpStatus.UNAUTHORIZED, "An application API key is "
                    + "required: Authorization: Bearer gh_key_…");
            return;
        }
        Optional<ApplicationPrincipal> caller;
        try {
            caller = applications.authenticateKey(bearer);
        } catch (DataAccessResourceFailureException | TransientDataAccessException e) {
            log.warn("Product API request deferred before authentication: {}", e.getClass().getSimpleName());
            response.setHeader("Retry-After", ApiProblemHandler.RETRY_AFTER_SECONDS);
            ApiProblems.write(request, response, json, HttpStatus.SERVICE_UNAVAILABLE, ApiProblemHandler.BUSY);
            return;
        }
        if (caller.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"gatehouse-api\", error=\"invalid_token\"");
            ApiProblems.write(request, response, json, HttpStatus.UNAUTHORIZED, "The API key is not valid: it is "
                    + "unknown or revoked, or its application is disabled.");
            return;
        }
        request.setAttribute(PRINCIPAL, caller.get());
        chain.doFilter(request, response);
    }

    private static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }
}
