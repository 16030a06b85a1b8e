package io.gatehouse.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Overload protection of the machine APIs, in each node's memory (see docs/security.md, "Rate limits"):
 * failed authentication per client address (outermost, before any token lookup), then, once
 * {@code ScimRequestFilter} has authenticated the token, the per-token SCIM request rate.
 */
@Configuration
@EnableConfigurationProperties({RateLimitProperties.class, AuthThrottleProperties.class})
class RateLimitConfig {

    @Bean
    KeyedRateLimiter scimTokenLimiter(RateLimitProperties properties) {
        return KeyedRateLimiter.perSecond(properties.requestsPerSecond(), properties.burst());
    }

    @Bean
    KeyedRateLimiter authFailureLimiter(AuthThrottleProperties properties) {
        return KeyedRateLimiter.perSecond(properties.failuresPerMinute() / 60.0, properties.failuresPerMinute());
    }

    @Bean
    FilterRegistrationBean<AuthFailureThrottleFilter> authFailureThrottleFilter(
            @Qualifier("authFailureLimiter") KeyedRateLimiter limiter, MeterRegistry meters) {
        FilterRegistrationBean<AuthFailureThrottleFilter> registration =
                new FilterRegistrationBean<>(new AuthFailureThrottleFilter(limiter, meters));
        registration.addUrlPatterns("/scim/*", "/operator/*", "/api/*");
        // Before ScimRequestFilter, OperatorAuthFilter and ApiKeyFilter (HIGHEST_PRECEDENCE + 10).
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ScimTokenRateLimitFilter> scimTokenRateLimitFilter(
            @Qualifier("scimTokenLimiter") KeyedRateLimiter limiter, MeterRegistry meters, Clock clock) {
        FilterRegistrationBean<ScimTokenRateLimitFilter> registration =
                new FilterRegistrationBean<>(new ScimTokenRateLimitFilter(limiter, meters, clock));
        registration.addUrlPatterns("/scim/*");
        // Inside ScimRequestFilter (HIGHEST_PRECEDENCE + 10): only authenticated requests reach it.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }

    /** Drops idle buckets once a minute, so memory follows the tokens and addresses active recently. */
    @Bean
    Sweeper rateLimitSweeper(List<KeyedRateLimiter> limiters) {
        return new Sweeper(limiters);
    }

    static final class Sweeper {

        private final List<KeyedRateLimiter> limiters;

        Sweeper(List<KeyedRateLimiter> limiters) {
            this.limiters = limiters;
        }

        @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
        void sweep() {
            limiters.forEach(KeyedRateLimiter::sweep);
        }
    }
}
