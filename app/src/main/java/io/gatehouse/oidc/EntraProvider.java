package io.gatehouse.oidc;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.Map;
import java.util.Set;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Entra's multi-tenant ("organizations") OpenID provider as Gatehouse talks to it: the discovery document
 * (read once, lazily, so the service starts while the provider is unreachable), the authorization request
 * with PKCE and nonce, the code-for-token exchange (Spring Security's OAuth2 client) and the signing keys
 * (Nimbus, cached and refetched when a token names a key id the cache does not hold).
 */
@Component
class EntraProvider {

    /** The provider could not be reached or answered something unusable. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Metadata(String authorizationEndpoint, String tokenEndpoint, JWKSource<SecurityContext> keys) {}

    static final Set<String> SCOPES = Set.of("openid", "profile", "email");
    /** At most one refetch of the keys per interval, however many unknown key ids tokens name. */
    static final long KEY_REFETCH_INTERVAL_MS = 30_000;

    private final OidcProperties properties;
    private final OidcEndpoints endpoints;
    private final JsonMapper json;
    private final RestClient http;
    private final RestClientAuthorizationCodeTokenResponseClient tokens;
    private volatile Metadata metadata;

    EntraProvider(OidcProperties properties, OidcEndpoints endpoints, JsonMapper json) {
        this.properties = properties;
        this.endpoints = endpoints;
        this.json = json;
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(5_000);
        factory.setReadTimeout(10_000);
        this.http = RestClient.builder().requestFactory(factory).build();
        this.tokens = new RestClientAuthorizationCodeTokenResponseClient();
        this.tokens.setRestClient(RestClient.builder().requestFactory(factory)
                .messageConverters(c -> c.add(0, 
                        new org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler())
                .build());
    }

    /** The browser's way to Entra's sign-in for a new pending request. */
    String authorizationUri(Pending pending, String codeChallenge) {
        return authorizationRequest(pending, codeChallenge).getAuthorizationRequestUri();
    }

    /** Exchanges the code (with the PKCE verifier and our client secret) for tokens; returns the ID token. */
    String exchange(Pending pending, String code) {
        OAuth2AuthorizationRequest request = authorizationRequest(pending, null);
        OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(code)
                .redirectUri(endpoints.signInRedirectUri()).state(pending.state()).build();
        try {
            OAuth2AccessTokenResponse answer = tokens.getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(
                    registration(), new OAuth2AuthorizationExchange(request, response)));
            Object idToken = answer.getAdditionalParameters().get("id_token");
            if (!(idToken instanceof String s) || s.isBlank()) {
                throw new Unavailable("the token response has no id_token", null);
            }
            return s;
        } catch (OAuth2AuthorizationException | RestClientException e) {
            throw new Unavailable("the token request failed: " + e.getMessage(), e);
        }
    }

    JWKSource<SecurityContext> keys() {
        return metadata().keys();
    }

    /**
     * Entra's admin consent endpoint (Microsoft identity platform v2.0): the administrator grants the
     * application's permissions for the whole organization and Entra comes back with {@code admin_consent},
     * {@code tenant} and our {@code state}.
     */
    String adminConsentUri(String state) {
        return UriComponentsBuilder.fromUriString(properties.organizations() + "/adminconsent")
                .queryParam("client_id", properties.clientId())
                .queryParam("scope", properties.consentScope())
                .queryParam("redirect_uri", endpoints.consentRedirectUri())
                .queryParam("state", state)
                .encode().build().toUriString();
    }

    /**
     * The provider's signing keys: cached for 5 minutes, and refetched at once when a token names a key id the
     * cache lacks (Entra rolls its keys over), at most once per {@code refetchIntervalMs}. Timeouts of 2 s to connect
     * and 5 s to read instead of Nimbus's 0.5 s: a slow answer from Entra should delay a sign-in, not refuse it.
     */
    static JWKSource<SecurityContext> keySource(URL jwksUri, long refetchIntervalMs) {
        var retriever = new DefaultResourceRetriever(2_000, 5_000, JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT);
        return JWKSourceBuilder.<SecurityContext>create(jwksUri, retriever)
                .cache(JWKSourceBuilder.DEFAULT_CACHE_TIME_TO_LIVE, JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT)
                .rateLimited(refetchIntervalMs)
                .build();
    }

    private OAuth2AuthorizationRequest authorizationRequest(Pending pending, String codeChallenge) {
        OAuth2AuthorizationRequest.Builder builder = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(metadata().authorizationEndpoint())
                .clientId(properties.clientId())
                .redirectUri(endpoints.signInRedirectUri())
                .scopes(SCOPES)
                .state(pending.state())
                .attributes(a -> a.put(PkceParameterNames.CODE_VERIFIER, pending.codeVerifier()));
        if (codeChallenge != null) {
            builder.additionalParameters(Map.of(PkceParameterNames.CODE_CHALLENGE, codeChallenge,
                    PkceParameterNames.CODE_CHALLENGE_METHOD, "S256", "nonce", pending.nonce(),
                    "response_mode", "query"));
        }
        return builder.build();
    }

    private ClientRegistration registration() {
        Metadata m = metadata();
        return ClientRegistration.withRegistrationId("microsoft")
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(endpoints.signInRedirectUri())
                .scope(SCOPES)
                .authorizationUri(m.authorizationEndpoint())
                .tokenUri(m.tokenEndpoint())
                .build();
    }

    private Metadata metadata() {
        Metadata m = metadata;
        if (m == null) {
            m = discover();
            metadata = m;
        }
        return m;
    }

    /** Entra's v2.0 discovery document of the "organizations" authority. */
    private Metadata discover() {
        String url = properties.organizations() + "/.well-known/openid-configuration";
        try {
            JsonNode doc = json.readTree(http.get().uri(URI.create(url)).retrieve().body(String.class));
            String authorize = doc.path("authorization_endpoint").asString("");
            String token = doc.path("token_endpoint").asString("");
            String jwks = doc.path("jwks_uri").asString("");
            if (authorize.isBlank() || token.isBlank() || jwks.isBlank()) {
                throw new Unavailable("the discovery document at " + url + " lacks an endpoint", null);
            }
            return new Metadata(authorize, token, keySource(new URL(jwks), KEY_REFETCH_INTERVAL_MS));
        } catch (RestClientException | MalformedURLException | tools.jackson.core.JacksonException e) {
            throw new Unavailable("could not read " + url + ": " + e.getMessage(), e);
        }
    }
}
