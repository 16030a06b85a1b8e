package io.gatehouse.scim;

import io.gatehouse.audit.ProvisioningLog;
import io.gatehouse.config.GatehouseProperties;
import io.gatehouse.credentials.TokenService;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

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
}
