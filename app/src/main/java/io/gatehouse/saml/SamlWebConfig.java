package io.gatehouse.saml;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class SamlWebConfig {

    /** Ahead of Spring Session and Spring Security: an oversized body is refused before any work. */
    @Bean
    FilterRegistrationBean<AcsSizeLimitFilter> acsSizeLimitFilter() {
        FilterRegistrationBean<AcsSizeLimitFilter> registration = new FilterRegistrationBean<>(new AcsSizeLimitFilter());
        registration.addUrlPatterns("/saml/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
