package io.gatehouse.config;

import io.gatehouse.saml.SessionDeadlineFilter;
import io.gatehouse.saml.SignOutThroughIdp;
import io.gatehouse.web.SecurityRefusals;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security. The machine-facing APIs ({@code /scim}, {@code /operator}, the product API {@code /api}) are
 * stateless and
 * authenticated by their own bearer-token filters (registered ahead of this chain, see ScimWebConfig,
 * OperatorWebConfig and ApiWebConfig); they need no session and no CSRF token. The browser pages of sign-in ({@code /saml},
 * {@code /login}, {@code /logout}, {@code /app}), the break-glass setup page ({@code /setup}) and the company
 * admin console ({@code /console}) and the support team's console ({@code /support}, its own sign-in and
 * authorization: supportconsole.SupportAccess) use a server-side session and CSRF protection. Everything
 * else is denied until a feature opens it explicitly.
 */
@Configuration
class SecurityConfig {

    /** The session chain's pages; an IdP's redirect to its own sign-in page is a form-action target too. */
    private static final String BROWSER_CSP =
            "default-src 'self'; frame-ancestors 'none'; form-action 'self' https:";
    /** The longest path (with query) a sign-in redirect carries back. */
    private static final int MAX_TARGET = 2_048;

    @Bean
    @Order(-1)
    SecurityFilterChain machineApis(HttpSecurity http) throws Exception {
        // Bearer-token APIs: authentication and authorization happen in their own filters, before this chain.
        // Only the firewall and the security headers remain here; every other filter is switched off
        // because each one costs CPU on the SCIM hot path (profiled, see BENCHMARKS.md) and does nothing
        // for a stateless API. First in order (before the OpenID provider's chain, whose endpoint matcher is a
        // dozen patterns): a SCIM request is matched by the first chain Spring Security asks, its paths are
        // no provider endpoint.
        return stateless(http.securityMatcher("/scim/**", "/operator/**"));
    }

    /**
     * The product API ({@code /api/**}): authenticated by api.ApiKeyFilter (an application API key), which runs
     * before this chain. Its own chain, as minimal as the other machine APIs', so that what the product API may
     * later need (CORS, say) does not touch SCIM's hot path.
     */
    @Bean
    @Order(1)
    SecurityFilterChain productApi(HttpSecurity http) throws Exception {
        return stateless(http.securityMatcher("/api/**"));
    }

    private static SecurityFilterChain stateless(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .servletApi(api -> api.disable())
                .sessionManagement(s -> s.disable())
                .exceptionHandling(e -> e.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(ctx -> ctx.disable())
                .anonymous(anon -> anon.disable());
        return http.build();
    }

    /**
     * Sign-in pages and the signed-in area. CSRF tokens live in a cookie (double submit) rather than the
     * session, so showing the login page to anonymous visitors creates no session rows. The ACS is exempt:
     * the IdP posts to it cross-site, and the SAML checks (signature, single-use request and assertion)
     * are its protection. Sessions are created only by a successful sign-in (saml.SignInSessions).
     */
    @Bean
    @Order(2)
    SecurityFilterChain browser(HttpSecurity http, Clock clock, SecurityRefusals refusals, SignOutThroughIdp signOut,
                                @Value("${server.servlet.session.cookie.secure:true}") boolean secureCookies)
            throws Exception {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieCustomizer(cookie -> cookie.secure(secureCookies).sameSite("Lax").path("/"));
        http.securityMatcher("/saml/**", "/login", "/login/password", "/logout", "/app", "/app/**",
                        "/setup/**", "/console", "/console/**", "/support", "/support/**", "/oidc/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/console/assets/**").permitAll()
                        .requestMatchers("/app", "/app/**", "/console", "/console/**").authenticated()
                        .anyRequest().permitAll())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).ignoringRequestMatchers("/saml/*/acs"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(signInFirst()).accessDeniedHandler(refusals))
                .logout(logout -> logout.logoutUrl("/logout").addLogoutHandler(signOut).logoutSuccessHandler(signOut))
                .addFilterAfter(new SessionDeadlineFilter(clock), SecurityContextHolderFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(BROWSER_CSP)));
        return http.build();
    }

    @Bean
    @Order(3)
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

    /**
     * The default firewall, with its character rules as loops instead of regular expressions (same rules); what it
     * rejects is answered in the path family's format (web.SecurityRefusals), not with a bare 400.
     */
    @Bean
    WebSecurityCustomizer firewallWithoutRegexes(SecurityRefusals refusals) {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(FirewallCharacters::isAssignedAndNotControl);
        firewall.setAllowedHeaderValues(FirewallCharacters::isHeaderValue);
        firewall.setAllowedParameterNames(FirewallCharacters::isAssignedAndNotControl);
        return web -> web.httpFirewall(firewall).requestRejectedHandler(refusals);
    }

    /**
     * A signed-out visitor of the signed-in area goes to the login page, and back to the same path after; an address
     * too long to carry along (a flood of parameters) is not carried: its Location header would exceed Tomcat's
     * response header buffer and fail the answer with a 500.
     */
    private static AuthenticationEntryPoint signInFirst() {
        return (request, response, exception) -> {
            String target = pathOf(request);
            response.sendRedirect(target.length() > MAX_TARGET ? "/login"
                    : "/login?target=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
        };
    }

    private static String pathOf(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    /** No form-login users yet; declared so Spring Boot does not invent one with a printed password. */
    @Bean
    UserDetailsService noUsers() {
        return username -> {
            throw new UsernameNotFoundException("no local users");
        };
    }
}
