package com.example.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

class BackChannelLogoutTokenTest {

    static final String ISSUER = "https://gatehouse.example.com";
    final OAuth2TokenValidator<Jwt> validator = BackChannelLogoutController.validator(ISSUER, "product-client");

    static Jwt.Builder logoutToken() {
        Instant now = Instant.now();
        return Jwt.withTokenValue("t").header("alg", "RS256").header("typ", "logout+jwt").issuer(ISSUER)
                .audience(java.util.List.of("product-client")).issuedAt(now).expiresAt(now.plusSeconds(120))
                .jti("j1").subject("u-alice").claim("sid", "sid-1")
                .claim("events", Map.of(BackChannelLogoutController.BACKCHANNEL_EVENT, Map.of()));
    }

    @Test
    void a_logout_token_of_gatehouse_for_this_client_is_accepted() {
        assertThat(validator.validate(logoutToken().build()).hasErrors()).isFalse();
    }

    @Test
    void an_id_token_another_audience_another_issuer_a_nonce_or_no_event_is_refused() {
        assertThat(validator.validate(logoutToken().header("typ", "JWT").build()).hasErrors()).isTrue();
        assertThat(validator.validate(logoutToken().audience(java.util.List.of("other")).build()).hasErrors()).isTrue();
        assertThat(validator.validate(logoutToken().issuer("https://evil.example").build()).hasErrors()).isTrue();
        assertThat(validator.validate(logoutToken().claim("nonce", "n").build()).hasErrors()).isTrue();
        assertThat(validator.validate(logoutToken().claim("events", Map.of()).build()).hasErrors()).isTrue();
        assertThat(validator.validate(logoutToken().expiresAt(Instant.now().minusSeconds(600))
                .issuedAt(Instant.now().minusSeconds(900)).build()).hasErrors()).isTrue();
    }
}
