package io.gatehouse.api;

import io.gatehouse.application.ApplicationPrincipal;
import io.gatehouse.application.ProductApplications;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API key filter on {@code /api/*} (after ratelimit.AuthFailureThrottleFilter, before Spring Security's minimal
 * chain for {@code /api/**} in config.SecurityConfig), and {@link ApplicationPrincipal} as a route parameter.
 */
@Configuration
class ApiWebConfig implements WebMvcConfigurer {

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ProductApplications applications, JsonMapper json) {
        FilterRegistrationBean<ApiKeyFilter> registration =
                new FilterRegistrationBean<>(new ApiKeyFilter(applications, json));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerResolver());
    }

    /** The application the filter authenticated; a route reached without one (impossible behind the filter) is 401. */
    static final class CallerResolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == ApplicationPrincipal.class;
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                      WebDataBinderFactory binders) {
            Object caller = request.getAttribute(ApiKeyFilter.PRINCIPAL, RequestAttributes.SCOPE_REQUEST);
            if (caller == null) {
                throw new ApiProblem(HttpStatus.UNAUTHORIZED,
                        "An application API key is required.", null);
            }
            return caller;
        }
    }
}
