package io.gatehouse.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Answers a refusal in the format of its path's family and logs a client fault once, at INFO, with the client's
 * address (a hostile or broken client is not a server error, and its stack trace helps nobody). Server faults
 * (5xx) were logged where they happened and are not logged again.
 */
@Component
public class ErrorResponses {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);
    private static final int MAX_LOGGED_PATH = 200;
    private static final ErrorBody PLAIN = new ErrorBody() {
        @Override
        public PathFamily family() {
            return PathFamily.OTHER;
        }

        @Override
        public Rendered render(HttpServletRequest request, Refusal refusal) {
            return new Rendered("text/plain;charset=UTF-8",
                    (refusal.status() + " " + refusal.title() + ": " + refusal.detail() + "\n")
                            .getBytes(StandardCharsets.UTF_8));
        }
    };

    private final Map<PathFamily, ErrorBody> bodies = new EnumMap<>(PathFamily.class);

    ErrorResponses(List<ErrorBody> bodies) {
        for (ErrorBody body : bodies) {
            if (this.bodies.put(body.family(), body) != null) {
                throw new IllegalStateException("Two error formats for " + body.family());
            }
        }
        this.bodies.putIfAbsent(PathFamily.OTHER, PLAIN);
    }

    /** Writes {@code refusal} as the family of the request's URI words it; {@code layer} says who refused. */
    public void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refusal, String layer)
            throws IOException {
        refuse(request, request.getMethod(), request.getRequestURI(), response, refusal, layer);
    }

    /**
     * As above, for a request whose own method and URI (as sent) are not the request's: in an error dispatch they
     * are the refused request's, not {@code GET /error}.
     */
    public void refuse(HttpServletRequest request, String method, String uri, HttpServletResponse response,
                       Refusal refusal, String layer) throws IOException {
        if (refusal.status() < 500) {
            log.info("Refused {} {} from {} ({}): {} {}", printable(method), printable(pathOf(uri)),
                    request.getRemoteAddr(), layer, refusal.status(), refusal.detail());
        }
        if (response.isCommitted()) {
            return;
        }
        ErrorBody.Rendered body = bodies.getOrDefault(PathFamily.of(uri), PLAIN).render(request, refusal);
        response.resetBuffer();
        response.setStatus(refusal.status());
        response.setContentType(body.contentType());
        response.setContentLength(body.bytes().length);
        try {
            response.getOutputStream().write(body.bytes());
        } catch (IllegalStateException writerInUse) {
            response.getWriter().write(new String(body.bytes(), StandardCharsets.UTF_8));
        }
    }

    /** The path without its query string, which may carry personal data (a filter naming a user). */
    private static String pathOf(String uri) {
        if (uri == null) {
            return "-";
        }
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    /** At most 200 characters, printable ASCII only: a log line nobody can forge or flood with one request. */
    static String printable(String s) {
        if (s == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_LOGGED_PATH) + 8);
        for (int i = 0; i < s.length() && out.length() < MAX_LOGGED_PATH; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\x%02x", (int) c & 0xff));
            }
        }
        return s.length() > MAX_LOGGED_PATH ? out.append("…").toString() : out.toString();
    }
}
