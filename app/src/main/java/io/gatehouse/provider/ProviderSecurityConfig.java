package io.gatehouse.provider;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.gatehouse.application.ProductApplications;
import io.gatehouse.config.GatehouseProperties;
import io.gatehouse.saml.SessionDeadlineFilter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * Gatehouse as the OpenID Provider of the product: Spring Authorization Server, on its own filter chain ahead of
 * every other (config.SecurityConfig), matching only its endpoints and the work-email page. Everything it keeps
 * is in the database (authorizations, consents, signing keys, the sign-in sessions through Spring Session), so
 * any node answers any step.
 *
 * <p>Endpoints (issuer = {@code gatehouse.base-url}): {@code /.well-known/openid-configuration},
 * {@code /oauth2/jwks}, {@code /oauth2/authorize}, {@code /oauth2/token}, {@code /oauth2/userinfo},
 * {@code /oauth2/introspect}, {@code /oauth2/revoke}, {@code /oauth2/logout} (RP-initiated logout).
 */
@Configuration(proxyBeanMethods = false)
class ProviderSecurityConfig {

    static final String BACKCHANNEL_EVENT = "http://schemas.openid.net/event/backchannel-logout";

    @Bean
    AuthorizationServerSettings authorizationServerSettings(GatehouseProperties properties) {
        return AuthorizationServerSettings.builder()
                .issuer(properties.baseUrl())
                .oidcUserInfoEndpoint("/oauth2/userinfo")
                .oidcLogoutEndpoint("/oauth2/logout")
                .build();
    }

    @Bean
    ApplicationClients registeredClientRepository(ProductApplications applications,
            @Value("${gatehouse.provider.access-token-ttl:PT10M}") Duration accessTokenTtl,
            @Value("${gatehouse.provider.refresh-token-ttl:P1D}") Duration refreshTokenTtl) {
        return new ApplicationClients(applications, accessTokenTtl, refreshTokenTtl);
    }

    /**
     * Spring Authorization Server's JDBC store (table in V14). An authorization whose application was deleted since
     * reads as none (invalid_grant, inactive), not as an error.
     */
    @Bean
    OAuth2AuthorizationService authorizationService(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients) {
            @Override
            public OAuth2Authorization findById(String id) {
                try {
                    return super.findById(id);
                } catch (DataRetrievalFailureException clientGone) {
                    return null;
                }
            }

            @Override
            public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
                try {
                    return super.findByToken(token, tokenType);
                } catch (DataRetrievalFailureException clientGone) {
                    return null;
                }
            }
        };
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(JdbcOperations jdbc,
                                                                  RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    /** What the JWKS publishes and tokens are verified with: every key not past its verification end. */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return (selector, context) -> selector.select(new JWKSet(new ArrayList<JWK>(keys.published())));
    }

    /** Signs with the one key that signs now (so the encoder never has to choose among several). */
    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder((selector, context) -> selector.select(new JWKSet(keys.signing())));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }

    /**
     * OpenID Connect sessions (the {@code sid} claim, RP-initiated logout) over the sign-in sessions of Spring
     * Session JDBC, found by their principal name: the same on every node.
     */
    @Bean
    SessionRegistry providerSessionRegistry(FindByIndexNameSessionRepository<? extends Session> sessions) {
        return registry(sessions);
    }

    private static <S extends Session> SessionRegistry registry(FindByIndexNameSessionRepository<S> sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }

    /** The ID token's claims (ProviderClaims); the access token names the user and company too. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> providerTokenClaims(ProviderClaims claims) {
        return context -> {
            Optional<ProviderClaims.Subject> subject = ProviderClaims.subject(context.getPrincipal());
            if (subject.isEmpty()) {
                return;
            }
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                Map<String, Object> values = claims.claims(subject.get(), context.getAuthorizedScopes())
                        .orElseThrow(ProviderSecurityConfig::inactiveUser);
                context.getClaims().claims(all -> all.putAll(values));
            } else if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getClaims().subject(subject.get().user().userId().toString())
                        .claim("org_id", subject.get().user().company().toString());
            }
        };
    }

    /** A token, introspection or revocation request without client authentication: OAuth's invalid_client. */
    private static void noClient(jakarta.servlet.http.HttpServletRequest request,
                                 jakarta.servlet.http.HttpServletResponse response,
                                 org.springframework.security.core.AuthenticationException e) throws java.io.IOException {
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", "Basic realm=\"gatehouse\"");
        response.setHeader("Cache-Control", "no-store");
        new org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter().write(
                new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, "Client authentication is required.", null),
                org.springframework.http.MediaType.APPLICATION_JSON,
                new org.springframework.http.server.ServletServerHttpResponse(response));
    }

    private static OAuth2AuthenticationException inactiveUser() {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                "The user is no longer active.", null));
    }

    @Bean
    @Order(0)
    SecurityFilterChain openIdProvider(HttpSecurity http, ApplicationClients clients, ProviderClaims claims,
                                       CompanySignIn signIn, Clock clock) throws Exception {
        Function<OidcUserInfoAuthenticationContext, OidcUserInfo> userInfo = context -> {
            OAuth2Authorization authorization = context.getAuthorization();
            var principal = authorization.<org.springframework.security.core.Authentication>getAttribute(
                    java.security.Principal.class.getName());
            return ProviderClaims.subject(principal)
                    .flatMap(s -> claims.claims(s, context.getAccessToken().getScopes()))
                    .map(OidcUserInfo::new)
                    .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN));
        };
        http.oauth2AuthorizationServer(server -> server
                .registeredClientRepository(clients)
                .authorizationEndpoint(authorize -> authorize.errorResponseHandler(new AuthorizeErrors()))
                .clientAuthentication(client -> client.authenticationProviders(providers -> providers.forEach(p -> {
                    if (p instanceof ClientSecretAuthenticationProvider secrets) {
                        secrets.setPasswordEncoder(clients.secretEncoder());
                    }
                })))
                .oidc(oidc -> oidc
                        .providerConfigurationEndpoint(discovery -> discovery.providerConfigurationCustomizer(c -> c
                                .scopes(scopes -> {
                                    scopes.clear();
                                    scopes.addAll(List.of("openid", "profile", "email",
                                            ApplicationClients.GROUPS_SCOPE));
                                })
                                .claim("claims_supported", List.of("sub", "iss", "aud", "exp", "iat", "auth_time",
                                        "nonce", "sid", "org_id", "email", "name", "preferred_username", "groups",
                                        "groups_truncated", "permissions", "idp"))
                                .claim("code_challenge_methods_supported", List.of("S256"))
                                .claim("backchannel_logout_supported", true)
                                .claim("backchannel_logout_session_supported", true)))
                        .userInfoEndpoint(endpoint -> endpoint.userInfoMapper(userInfo))
                        .logoutEndpoint(logout -> { })));
        RequestMatcher endpoints = http.getConfigurer(OAuth2AuthorizationServerConfigurer.class).getEndpointsMatcher();
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(endpoints, paths.matcher("/oauth2/sign-in")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(paths.matcher("/oauth2/sign-in")).permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(signIn, paths.matcher(CompanySignIn.AUTHORIZE))
                        .defaultAuthenticationEntryPointFor(ProviderSecurityConfig::noClient, new OrRequestMatcher(
                                paths.matcher("/oauth2/token"), paths.matcher("/oauth2/introspect"),
                                paths.matcher("/oauth2/revoke"))))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .addFilterAfter(new SessionDeadlineFilter(clock), SecurityContextHolderFilter.class)
                .addFilterAfter(signIn.guard(), SessionDeadlineFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; frame-ancestors 'none'; form-action 'self'")));
        return http.build();
    }
}
