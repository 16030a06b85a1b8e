package io.gatehouse.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * First of Spring MVC's exception resolvers (see {@link WebErrorConfig}): a client fault raised while a controller
 * or Spring MVC reads the request is answered in the family's format before any controller advice's catch-all can
 * turn it into a 500, and before Tomcat would log it as a servlet failure.
 */
final class ClientFaultResolver implements HandlerExceptionResolver {

    private final ErrorResponses errors;

    ClientFaultResolver(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception exception) {
        Refusal refusal = ClientFaults.of(exception, request.getContentType());
        if (refusal == null) {
            return null;
        }
        try {
            errors.refuse(request, response, refusal, "request");
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }
}
