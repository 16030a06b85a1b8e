package io.gatehouse.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.res.StringManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces Tomcat's HTML error report (the host's {@link ErrorReportValve}, see {@link WebErrorConfig}) for what
 * Tomcat refuses before any application code runs — a path that does not decode ({@code %2F}, {@code %5C},
 * {@code %00}, {@code %ZZ}, invalid UTF-8), a raw {@code "} in the query, headers too large or too many, control
 * characters in a header, {@code Expect: garbage}, a request line that does not parse — and for any error no
 * application error page answered. The body is the path family's, as for every other refusal.
 *
 * <p>Two statuses are adjusted: headers over the limit are 431 (RFC 6585), not Tomcat's 400; an unknown
 * {@code Transfer-Encoding} or a {@code CONNECT}, which Tomcat answers 501, and an HTTP version it does not speak
 * (505) are 400, because a 5xx must mean a fault of this service.
 */
final class ContainerErrorValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ContainerErrorValve.class);
    /**
     * Tomcat says "headers too large" or "too many headers" only in the message of the exception behind its 400;
     * these are its texts (in the server's locale, as Tomcat wrote them), the second up to its number.
     */
    private static final String HEADERS_TOO_LARGE =
            StringManager.getManager("org.apache.coyote.http11").getString("iib.requestheadertoolarge.error");
    private static final String TOO_MANY_HEADERS = upToFirstArgument(
            StringManager.getManager("org.apache.tomcat.util.http").getString("headers.maxCountFail"));

    private final Supplier<ErrorResponses> errors;

    ContainerErrorValve(Supplier<ErrorResponses> errors) {
        this.errors = errors;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            errors.get().refuse(request.getRequest(), response.getResponse(), refusal(status, throwable), "container");
            response.finishResponse();
        } catch (IOException | RuntimeException e) {
            log.debug("Could not write the error body", e);
        }
    }

    private static Refusal refusal(int status, Throwable throwable) {
        if (status == 431 || (status == 400 && overHeaderLimits(throwable))) {
            return Refusal.forStatus(431);
        }
        if (status == 501) {
            return Refusal.of(400, "This request uses an HTTP feature this service does not implement (CONNECT, or a "
                    + "Transfer-Encoding other than chunked); send the body with Content-Length or chunked.");
        }
        if (status == 505) {
            return Refusal.of(400, "This HTTP version is not supported; send HTTP/1.1.");
        }
        if (status == 400) {
            return Refusal.of(400, "The request is malformed: its address does not decode (an encoded slash, "
                    + "backslash or NUL, or invalid percent-encoding or UTF-8), or a header is malformed.");
        }
        return Refusal.forStatus(status);
    }

    private static boolean overHeaderLimits(Throwable throwable) {
        String message = throwable == null ? null : throwable.getMessage();
        return message != null && (message.equals(HEADERS_TOO_LARGE) || message.startsWith(TOO_MANY_HEADERS));
    }

    private static String upToFirstArgument(String pattern) {
        int argument = pattern.indexOf('{');
        return argument < 0 ? pattern : pattern.substring(0, argument);
    }
}
