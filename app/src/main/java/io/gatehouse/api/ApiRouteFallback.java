package io.gatehouse.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any {@code /api} path (or method) no route answers: a 404 problem, not the container's error page. The most
 * general mapping, so every real route wins over it.
 */
@Hidden
@RestController
class ApiRouteFallback {

    @RequestMapping("/api/**")
    void none(HttpServletRequest request) {
        throw ApiProblem.notFound("There is no route " + request.getMethod() + " " + request.getRequestURI() + ".");
    }
}
