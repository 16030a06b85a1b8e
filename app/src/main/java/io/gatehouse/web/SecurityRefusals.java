package io.gatehouse.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Spring Security's refusals in the family's format (wired in config.SecurityConfig): the firewall's
 * (an unknown method is 405 with {@code Allow}; a dot segment, {@code ;}, {@code //}, an encoded {@code .} or
 * {@code %} is 400) and the browser chain's 403, which there is a missing or stale CSRF token.
 */
@Component
public class SecurityRefusals implements RequestRejectedHandler, AccessDeniedHandler {

    /** StrictHttpFirewall's default allowed methods (method names are case-sensitive: "get" is not GET). */
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    static final String STALE_FORM = "This form is out of date or was not sent from this site (its security token is "
            + "missing or no longer valid). Go back, reload the page and try again. Nothing was changed.";

    private final ErrorResponses errors;

    SecurityRefusals(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        Refusal refusal;
        if (!METHODS.contains(request.getMethod())) {
            response.setHeader("Allow", ALLOW);
            refusal = Refusal.of(405, "The method is not supported; use one of " + ALLOW + ".");
        } else {
            refusal = Refusal.of(400, "The address is not accepted: it has a dot segment, a doubled slash, a "
                    + "semicolon, an encoded dot or percent sign, or a character not allowed in a header or "
                    + "parameter.");
        }
        errors.refuse(request, response, refusal, "firewall");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        Refusal refusal = denied instanceof CsrfException ? Refusal.of(403, STALE_FORM) : Refusal.forStatus(403);
        errors.refuse(request, response, refusal, "security");
    }
}
