package io.gatehouse.provider;

import io.gatehouse.application.ApplicationId;
import io.gatehouse.application.ProductApplication;
import io.gatehouse.application.ProductApplications;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Spring Authorization Server's view of the product applications the operator registered
 * (application.ProductApplications): nothing is registered here, nothing cached, so a disabled application, a
 * changed redirect URI or a revoked secret counts with the next request on every node.
 *
 * <p>Every client: exact redirect URIs, PKCE with S256 required (the server accepts no other method), no consent
 * screen (the operator registered the application for the companies it serves), scopes {@code openid profile
 * email groups}. Confidential clients authenticate with one of their active client secrets (checked by
 * {@link #secretEncoder}) and get refresh tokens, rotated on every use; public clients have neither.
 */
class ApplicationClients implements RegisteredClientRepository {

    static final String GROUPS_SCOPE = "groups";
    /** What {@link RegisteredClient#getClientSecret()} holds: not a secret, a pointer for {@link #secretEncoder}. */
    private static final String SECRET_MARKER = "{gatehouse-application}";

    private final ProductApplications applications;
    private final TokenSettings tokenSettings;

    ApplicationClients(ProductApplications applications, Duration accessTokenTtl, Duration refreshTokenTtl) {
        this.applications = applications;
        this.tokenSettings = TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .accessTokenTimeToLive(accessTokenTtl)
                .refreshTokenTimeToLive(refreshTokenTtl)
                .reuseRefreshTokens(false)
                .authorizationCodeTimeToLive(Duration.ofMinutes(2))
                .idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("applications are registered through the operator API");
    }

    /**
     * By application id, enabled or not: Spring Authorization Server reads the client of every stored authorization
     * by it, and a disabled application is refused where it authenticates ({@link #findByClientId}).
     */
    @Override
    public RegisteredClient findById(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
        return applications.find(new ApplicationId(uuid)).map(this::toClient).orElse(null);
    }

    /** The enabled application with this client id; a disabled one is an unknown client. */
    @Override
    public RegisteredClient findByClientId(String clientId) {
        return applications.findByClientId(clientId).filter(ProductApplication::enabled).map(this::toClient)
                .orElse(null);
    }

    Optional<ProductApplication> application(RegisteredClient client) {
        return applications.findByClientId(client.getClientId());
    }

    private RegisteredClient toClient(ProductApplication app) {
        RegisteredClient.Builder b = RegisteredClient.withId(app.id().value().toString())
                .clientId(app.clientId())
                .clientIdIssuedAt(app.createdAt())
                .clientName(app.name())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(app.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(app.postLogoutRedirectUris()))
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL).scope(GROUPS_SCOPE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(tokenSettings);
        if (app.confidential()) {
            b.clientSecret(SECRET_MARKER + app.clientId())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
        } else {
            b.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        }
        return b.build();
    }

    /**
     * Checks a presented client secret against the application's stored SHA-256 hashes, in constant time
     * (ProductApplications#verifySecret: any active secret, two during a rotation). Encodes nothing: secrets are
     * minted and stored by the application registration.
     */
    PasswordEncoder secretEncoder() {
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence rawPassword) {
                throw new UnsupportedOperationException("client secrets are minted by the application registration");
            }

            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                if (rawPassword == null || encodedPassword == null || !encodedPassword.startsWith(SECRET_MARKER)) {
                    return false;
                }
                return applications.verifySecret(encodedPassword.substring(SECRET_MARKER.length()),
                        rawPassword.toString());
            }
        };
    }
}
