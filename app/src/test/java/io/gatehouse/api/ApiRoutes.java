package io.gatehouse.api;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every product API route the running application maps, read from Spring MVC itself, so that a route added later
 * is covered by the tests that walk them all without anyone listing it. The catch-all {@code /api/**} is not a
 * route.
 */
final class ApiRoutes {

    /** {@code paged}: the route answers an {@link ApiPage}, so it takes {@code after=} and {@code limit=}. */
    record Route(String method, String pattern, boolean paged) {
        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private ApiRoutes() {}

    static List<Route> of(RequestMappingHandlerMapping mapping) {
        TreeSet<String> seen = new TreeSet<>();
        List<Route> routes = new ArrayList<>();
        mapping.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            boolean paged = handler.getMethod().getReturnType() == ApiPage.class;
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v1/")) {
                    continue;
                }
                var methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? List.of(RequestMethod.GET) : methods) {
                    if (seen.add(method + " " + pattern)) {
                        routes.add(new Route(method.name(), pattern, paged));
                    }
                }
            }
        });
        routes.sort((a, b) -> a.toString().compareTo(b.toString()));
        return routes;
    }
}
