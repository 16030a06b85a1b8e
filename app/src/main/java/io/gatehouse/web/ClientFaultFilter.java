package io.gatehouse.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Outermost filter: a client fault thrown by a filter before Spring MVC (Spring Security's CSRF filter reads the
 * form body, for one) is answered in the family's format instead of reaching Tomcat as a servlet failure (logged at
 * ERROR, answered 500). It only catches: a request that does not fail costs nothing here.
 */
final class ClientFaultFilter extends HttpFilter {

    private final transient ErrorResponses errors;

    ClientFaultFilter(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            Refusal refusal = ClientFaults.of(e);
            if (refusal == null || response.isCommitted()) {
                throw e;
            }
            errors.refuse(request, response, refusal, "filter");
        }
    }
}
