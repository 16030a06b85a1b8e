package io.gatehouse.web;

import io.gatehouse.scim.core.StorableText;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Text that reaches the database must be storable the same way on H2 and PostgreSQL (docs/security.md, "Hostile
 * input"). SCIM checks its own bodies (scim.ScimJson); this filter does it for the other writers:
 * <ul>
 *   <li>console and support console form posts: no field name or value may hold a NUL or an unpaired surrogate
 *       (PostgreSQL refuses a NUL, H2 would store it);</li>
 *   <li>JSON bodies of the operator API and the product API must be well-formed UTF-8 (Jackson decodes overlong
 *       forms such as {@code C0 AF} silently); their strings are checked while binding (config.StorableStrings).</li>
 * </ul>
 * Refused with 400 in the family's own format before anything runs. Other requests pass untouched.
 */
final class StorableInputFilter extends HttpFilter {

    /** Larger JSON bodies than this are not for these APIs: 413 rather than buffering them. */
    static final int MAX_JSON_BODY = 1024 * 1024;

    private final transient ErrorResponses errors;

    StorableInputFilter(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            chain.doFilter(request, response);
            return;
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        PathFamily family = PathFamily.of(request.getRequestURI());
        if ((family == PathFamily.CONSOLE || family == PathFamily.SUPPORT)
                && type.startsWith("application/x-www-form-urlencoded") && !storable(request.getParameterMap())) {
            errors.refuse(request, response, Refusal.of(400, "A form field holds a character that cannot be stored"
                    + " (a NUL or a broken UTF-16 surrogate). Nothing was changed."), "input");
            return;
        }
        if ((family == PathFamily.OPERATOR || family == PathFamily.API) && type.contains("json")) {
            byte[] body = request.getInputStream().readNBytes(MAX_JSON_BODY + 1);
            if (body.length > MAX_JSON_BODY) {
                errors.refuse(request, response, Refusal.of(413, "The request body is larger than "
                        + MAX_JSON_BODY + " bytes."), "input");
                return;
            }
            if (!StorableText.isWellFormedUtf8(body, body.length)) {
                errors.refuse(request, response, Refusal.of(400, "The request body is not well-formed UTF-8."
                        + " Nothing was changed."), "input");
                return;
            }
            chain.doFilter(new ReplayedBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean storable(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
            if (!StorableText.isStorable(entry.getKey())) {
                return false;
            }
            for (String value : entry.getValue()) {
                if (value != null && !StorableText.isStorable(value)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The request with its body, already read for the check, served again to whoever reads it next. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
