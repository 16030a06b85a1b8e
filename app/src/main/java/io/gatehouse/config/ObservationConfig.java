package io.gatehouse.config;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security would wrap every filter of every request in a Micrometer observation. On the SCIM hot
 * path that was a measurable share of CPU (profiled with JFR, see BENCHMARKS.md), and it publishes nothing
 * we use: per-endpoint request counts and latencies come from the {@code http.server.requests} timers.
 */
@Configuration
class ObservationConfig {

    @Bean
    SecurityObservationSettings noSpringSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The request timers, outside everything that can refuse a request (authentication, rate limits), so that
     * refusals are counted too; just inside the two filters that answer malformed requests before anything else.
     */
    @Bean
    FilterRegistrationBean<RequestMetricsFilter> requestMetricsFilter(MeterRegistry registry) {
        FilterRegistrationBean<RequestMetricsFilter> registration =
                new FilterRegistrationBean<>(new RequestMetricsFilter(registry));
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
