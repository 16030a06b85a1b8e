package com.example.product;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OpenID Connect Back-Channel Logout 1.0 at {@code POST /logout/back-channel} (the URI registered with Gatehouse as
 * the application's {@code backChannelLogoutUri}): the {@code logout_token} is checked with Spring Security's
 * JwtDecoder against Gatehouse's JWKS (signature, {@code typ logout+jwt}, issuer, audience = our client id, time,
 * the back-channel logout event, {@code sub} or {@code sid}, no {@code nonce}), then the sessions of that
 * {@code sid} (or of that user when only {@code sub} is given) end. 200 when accepted, 400 with an OAuth error
 * otherwise.
 */
@RestController
public class BackChannelLogoutController {

    static final String REGISTRATION = "gatehouse";
    static final String BACKCHANNEL_EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private static final Logger log = LoggerFactory.getLogger(BackChannelLogoutController.class);

    private final ClientRegistrationRepository registrations;
    private final ProductSessions sessions;
    private volatile JwtDecoder decoder;

    public BackChannelLogoutController(ClientRegistrationRepository registrations, ProductSessions sessions) {
        this.registrations = registrations;
        this.sessions = sessions;
    }

    @PostMapping(path = "/logout/back-channel", consumes = "application/x-www-form-urlencoded")
    public ResponseEntity<Map<String, String>> logout(
            @RequestParam(name = "logout_token", required = false) String token) {
        if (token == null || token.isBlank()) {
            return refuse("logout_token is required");
        }
        Jwt jwt;
        try {
            jwt = decoder().decode(token);
        } catch (JwtException e) {
            log.warn("logout token refused: {}", e.getClass().getSimpleName());
            return refuse("the logout token is not valid");
        }
        int ended = sessions.endSession(jwt.getSubject(), jwt.getClaimAsString("sid"));
        log.info("back-channel logout for user {}: {} session(s) ended", jwt.getSubject(), ended);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).build();
    }

    private static ResponseEntity<Map<String, String>> refuse(String description) {
        return ResponseEntity.badRequest().cacheControl(CacheControl.noStore())
                .body(Map.of("error", "invalid_request", "error_description", description));
    }

    private JwtDecoder decoder() {
        JwtDecoder d = decoder;
        if (d == null) {
            ClientRegistration gatehouse = registrations.findByRegistrationId(REGISTRATION);
            NimbusJwtDecoder built = NimbusJwtDecoder.withJwkSetUri(gatehouse.getProviderDetails().getJwkSetUri())
                    .validateType(false).build();
            built.setJwtValidator(validator(gatehouse.getProviderDetails().getIssuerUri(), gatehouse.getClientId()));
            decoder = d = built;
        }
        return d;
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer, String clientId) {
        OAuth2TokenValidator<Jwt> logoutClaims = jwt -> {
            Object events = jwt.getClaims().get("events");
            boolean event = events instanceof Map<?, ?> map && map.containsKey(BACKCHANNEL_EVENT);
            boolean who = jwt.getSubject() != null || jwt.getClaimAsString("sid") != null;
            boolean ok = event && who && !jwt.hasClaim("nonce") && jwt.getIssuedAt() != null && jwt.getId() != null;
            return ok ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "not a logout token", null));
        };
        return new DelegatingOAuth2TokenValidator<>(List.of(new JwtTypeValidator("logout+jwt"),
                new JwtTimestampValidator(), new JwtIssuerValidator(issuer), new JwtAudienceValidator(clientId),
                logoutClaims));
    }
}
