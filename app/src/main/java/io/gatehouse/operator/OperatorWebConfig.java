package io.gatehouse.operator;

import io.gatehouse.credentials.OperatorCredentials;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class OperatorWebConfig {

    @Bean
    FilterRegistrationBean<OperatorAuthFilter> operatorAuthFilter(OperatorCredentials credentials) {
        FilterRegistrationBean<OperatorAuthFilter> registration =
                new FilterRegistrationBean<>(new OperatorAuthFilter(credentials));
        registration.addUrlPatterns("/operator/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
