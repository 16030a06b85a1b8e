package io.gatehouse.scim;

import io.gatehouse.audit.ProvisioningEvent;
import io.gatehouse.audit.ProvisioningLog;
import io.gatehouse.config.GatehouseProperties;
import io.gatehouse.credentials.TokenService;
import io.gatehouse.tenancy.Company;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Front door of {@code /scim}: authenticates the bearer token (which selects the company), refuses
 * oversized bodies before they are read, hands the request on without a trailing slash ({@link TrailingSlash}),
 * and records every request, as the client spelled it, in the company's provisioning log.
 * A database that cannot hand out a connection in time (pool exhausted) is 503 with Retry-After, never 500.
 */
class ScimRequestFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ScimRequestFilter.class);

    private final TokenService tokens;
    private final ProvisioningLog provisioningLog;
    private final ScimJson json;
    private final GatehouseProperties properties;
    private final Clock clock;

    ScimRequestFilter(TokenService tokens, ProvisioningLog provisioningLog, ScimJson json,
                      GatehouseProperties properties, Clock clock) {
        this.tokens = tokens;
        this.provisioningLog = provisioningLog;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        Optional<Company> company;
        try {
            company = tokens.authenticateScim(bearer(request));
        } catch (DataAccessResourceFailureException | TransientDataAccessException e) {
            // The pool is exhausted (or the database unreachable) before any controller ran, so
            // ScimErrorHandler cannot see it: answer 503 here rather than let the container answer 500.
            log.warn("SCIM request deferred before authentication: {}", e.getClass().getSimpleName());
            response.setHeader("Retry-After", ScimErrorHandler.RETRY_AFTER_SECONDS);
            write(response, 503, null, ScimErrorHandler.BUSY_DETAIL);
            return;
        }
        if (company.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"gatehouse-scim\"");
            write(response, 401, null, "A valid bearer token is required: use the SCIM token issued for your "
                    + "company (Authorization: Bearer <token>).");
            return;
        }
        ScimRequest scim = new ScimRequest(company.get());
        scim.attachTo(request);
        try {
            long length = request.getContentLengthLong();
            int max = properties.scim().maxPayloadBytes();
            if (length > max) {
                scim.outcome("payload too large");
                write(response, 413, null, ScimJson.payloadTooLarge(max).detail());
                return;
            }
            chain.doFilter(TrailingSlash.strip(request), response);
        } finally {
            record(request, response, scim, started);
        }
    }

    private void record(HttpServletRequest request, HttpServletResponse response, ScimRequest scim, long started) {
        String path = request.getRequestURI();
        if (request.getQueryString() != null) {
            path = path + "?" + request.getQueryString();
        }
        String type = scim.resourceType() != null ? scim.resourceType() : typeOf(request.getRequestURI());
        provisioningLog.record(new ProvisioningEvent(
                scim.company().id(), clock.instant(), request.getMethod(), path, response.getStatus(), type,
                scim.resourceId(), scim.outcome(), scim.scimType(), (System.nanoTime() - started) / 1_000_000.0,
                request.getHeader("User-Agent")));
    }

    private static String typeOf(String uri) {
        if (uri.contains("/Users")) {
            return "User";
        }
        if (uri.contains("/Groups")) {
            return "Group";
        }
        return null;
    }

    private void write(HttpServletResponse response, int status, String scimType, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(ScimJson.SCIM.toString());
        response.getOutputStream().write(json.write(json.error(status, scimType, detail))
                .getBytes(StandardCharsets.UTF_8));
    }

    static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }
}
