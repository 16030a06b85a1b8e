package io.gatehouse.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * 429 answers in the format of the API that was called: SCIM error JSON under /scim, RFC 9457 problem+json under
 * /api (the product API), operator JSON otherwise.
 */
final class Refusals {

    static final String SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    private Refusals() {}

    static void tooManyRequests(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds,
                                String detail) throws IOException {
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        String body;
        if (isScim(request)) {
            response.setContentType("application/scim+json;charset=UTF-8");
            body = "{\"schemas\":[\"" + SCIM_ERROR + "\"],\"status\":\"429\",\"detail\":\"" + detail + "\"}";
        } else if (isProductApi(request)) {
            response.setContentType("application/problem+json");
            body = "{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\""
                    + detail + "\"}";
        } else {
            response.setContentType("application/json;charset=UTF-8");
            body = "{\"error\":\"too_many_requests\",\"detail\":\"" + detail + "\"}";
        }
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    static boolean isScim(HttpServletRequest request) {
        return under(request, "/scim");
    }

    static boolean isProductApi(HttpServletRequest request) {
        return under(request, "/api");
    }

    private static boolean under(HttpServletRequest request, String prefix) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith(prefix + "/") || path.equals(prefix);
    }
}
