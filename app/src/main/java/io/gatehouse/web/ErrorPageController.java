package io.gatehouse.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The container's error page ({@code /error}), replacing Spring Boot's default JSON and whitelabel page: whatever
 * set an error status without writing a body — the security firewall's default, Spring MVC for an unsupported
 * method (TRACE included) or media type or an unknown path, a filter's {@code sendError}, an exception that escaped
 * every handler — is answered in the format of the original request's family.
 */
@Controller
class ErrorPageController implements ErrorController {

    private final ErrorResponses errors;

    ErrorPageController(ErrorResponses errors) {
        this.errors = errors;
    }

    @RequestMapping("/error")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(status instanceof Integer code)) { // /error asked for directly: there is no such page
            errors.refuse(request, response, Refusal.forStatus(404), "error page");
            return;
        }
        Refusal refusal = null;
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            refusal = ClientFaults.of(failure);
        }
        if (refusal == null) {
            refusal = Refusal.forStatus(code);
        }
        String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original
                ? original : request.getRequestURI();
        // Servlet 6.1: an error dispatch is a GET; the refused request's own method is an attribute
        String method = request.getAttribute(RequestDispatcher.ERROR_METHOD) instanceof String original
                ? original : request.getMethod();
        errors.refuse(request, method, uri, response, refusal, "error page");
    }
}
