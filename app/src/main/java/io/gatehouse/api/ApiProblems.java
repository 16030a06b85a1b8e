package io.gatehouse.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem+json answer where Spring MVC is not involved yet (the API key filter): the same members as the
 * {@link org.springframework.http.ProblemDetail} bodies of {@link ApiProblemHandler} — type, title, status, detail,
 * instance.
 */
final class ApiProblems {

    private ApiProblems() {}

    static void write(HttpServletRequest request, HttpServletResponse response, JsonMapper json, HttpStatus status,
                      String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }
}
