package io.gatehouse.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security. The machine-facing APIs ({@code /scim}, {@code /operator}) are stateless and
 * authenticated by their own bearer-token filters (registered ahead of this chain, see ScimWebConfig and
 * OperatorWebConfig); they need no session and no CSRF token. Everything else is denied until a feature
 * opens it explicitly.
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain machineApis(HttpSecurity http) throws Exception {
        http.securityMatcher("/scim/**", "/operator/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(ctx -> ctx.disable())
                .anonymous(anon -> anon.disable());
        return http.build();
    }

    @Bean
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/", "/error").permitAll()
                        .anyRequest().denyAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; frame-ancestors 'none'; form-action 'self'")));
        return http.build();
    }

    /** No form-login users yet; declared so Spring Boot does not invent one with a printed password. */
    @Bean
    UserDetailsService noUsers() {
        return username -> {
            throw new UsernameNotFoundException("no local users");
        };
    }
}
