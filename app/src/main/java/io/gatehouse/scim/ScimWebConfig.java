package io.gatehouse.scim;

import io.gatehouse.audit.ProvisioningLog;
import io.gatehouse.config.GatehouseProperties;
import io.gatehouse.credentials.TokenService;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

@Configuration
class ScimWebConfig {

    @Bean
    FilterRegistrationBean<ScimRequestFilter> scimRequestFilter(TokenService tokens, ProvisioningLog log,
                                                                ScimJson json, GatehouseProperties properties,
                                                                Clock clock) {
        FilterRegistrationBean<ScimRequestFilter> registration =
                new FilterRegistrationBean<>(new ScimRequestFilter(tokens, log, json, properties, clock));
        registration.addUrlPatterns("/scim/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** The SCIM routes, matched before the main mapping (see {@link ScimHandlerMapping}). */
    @Bean
    ScimHandlerMapping scimHandlerMapping(
            @Qualifier("mvcContentNegotiationManager") ContentNegotiationManager contentNegotiation) {
        ScimHandlerMapping mapping = new ScimHandlerMapping();
        mapping.setOrder(-1);
        mapping.setContentNegotiationManager(contentNegotiation);
        mapping.setPatternParser(PathPatternParser.defaultInstance);
        return mapping;
    }

    /** The main mapping without the SCIM controllers, which {@link ScimHandlerMapping} holds. */
    @Bean
    WebMvcRegistrations mainMappingWithoutScim() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new RequestMappingHandlerMapping() {
                    @Override
                    protected boolean isHandler(Class<?> beanType) {
                        return !ScimHandlerMapping.isScimController(beanType) && super.isHandler(beanType);
                    }
                };
            }
        };
    }

    /** Whoever asks for "the" RequestMappingHandlerMapping (springdoc, route-walking tests) gets the main one. */
    @Bean
    static BeanFactoryPostProcessor mainMappingIsPrimary() {
        return beanFactory -> beanFactory.getBeanDefinition("requestMappingHandlerMapping").setPrimary(true);
    }
}
