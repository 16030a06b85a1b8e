package io.gatehouse.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
}
