package com.example.product;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Spring Security as a product team would configure it: oauth2Login against Gatehouse (registration
 * {@code gatehouse} in application.properties) with PKCE, the company passed on to Gatehouse's authorize request
 * as {@code organization} and/or {@code login_hint}; the initiate login URI ({@link InitiateLoginController}) open
 * to anyone; webhooks and back-channel logout open to Gatehouse (each checks its own signature) and outside CSRF;
 * everything else needs a signed-in user.
 */
@Configuration
public class SecurityConfig {

    @Bean
    SecurityFilterChain security(HttpSecurity http, ClientRegistrationRepository registrations,
                                 ProductSessions sessions) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler toHome = new SavedRequestAwareAuthenticationSuccessHandler();
        toHome.setDefaultTargetUrl("/home");
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/sign-in", InitiateLoginController.PATH, "/error", "/webhooks/gatehouse",
                                "/logout/back-channel")
                        .permitAll()
                        .anyRequest().authenticated())
                .csrf(c -> c.ignoringRequestMatchers("/webhooks/gatehouse", "/logout/back-channel"))
                .oauth2Login(o -> o
                        .loginPage("/")
                        .authorizationEndpoint(e -> e.authorizationRequestResolver(companyAware(registrations)))
                        .successHandler((request, response, authentication) -> {
                            if (authentication.getPrincipal() instanceof OidcUser user) {
                                sessions.signedIn(user.getSubject(), user.getIdToken().getClaimAsString("sid"),
                                        request.getSession());
                            }
                            toHome.onAuthenticationSuccess(request, response, authentication);
                        }))
                .logout(l -> l.logoutSuccessUrl("/"));
        return http.build();
    }

    /** Spring's resolver with PKCE (S256), adding {@code organization} and {@code login_hint} from the request. */
    static OAuth2AuthorizationRequestResolver companyAware(ClientRegistrationRepository registrations) {
        DefaultOAuth2AuthorizationRequestResolver spring = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, "/oauth2/authorization");
        spring.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return new OAuth2AuthorizationRequestResolver() {
            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
                return withCompany(request, spring.resolve(request));
            }

            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
                return withCompany(request, spring.resolve(request, registrationId));
            }
        };
    }

    private static OAuth2AuthorizationRequest withCompany(HttpServletRequest request,
                                                          OAuth2AuthorizationRequest authorization) {
        if (authorization == null) {
            return null;
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        String organization = request.getParameter("organization");
        String hint = request.getParameter("login_hint");
        if (organization != null && !organization.isBlank()) {
            extra.put("organization", organization.strip());
        }
        if (hint != null && !hint.isBlank()) { // with organization too: a sign-in handed over by Gatehouse
            extra.put("login_hint", hint.strip());
        }
        return extra.isEmpty() ? authorization
                : OAuth2AuthorizationRequest.from(authorization).additionalParameters(p -> p.putAll(extra)).build();
    }
}
