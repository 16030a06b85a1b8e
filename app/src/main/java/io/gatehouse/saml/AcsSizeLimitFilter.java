package io.gatehouse.saml;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversized POSTs to the ACS before the container parses the form: the endpoint is unauthenticated
 * and anyone can post to it. 512 KiB of form body holds a 256 KiB Response (saml-core's own cap on the XML)
 * after base64 and URL encoding. Browsers always send Content-Length for form posts.
 */
class AcsSizeLimitFilter extends OncePerRequestFilter {

    static final long MAX_BODY_BYTES = 512 * 1024;

    /** Every POST under /saml/*: the ACS is the only one, and matching its exact path could be dodged with ";x". */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length < 0) {
            response.sendError(411, "Content-Length required");
            return;
        }
        if (length > MAX_BODY_BYTES) {
            response.sendError(413, "SAML response too large");
            return;
        }
        chain.doFilter(request, response);
    }
}
