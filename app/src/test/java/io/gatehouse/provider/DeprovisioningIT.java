package io.gatehouse.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.gatehouse.support.Applications;
import io.gatehouse.support.EntraBodies;
import io.gatehouse.support.FormBrowser;
import io.gatehouse.support.Http;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A user deactivated or deleted by SCIM loses the product: tokens revoked, back-channel logout sent. */
class DeprovisioningIT extends ProviderIntegrationTest {

    private HttpServer receiver;
    private final BlockingQueue<String> logoutTokens = new LinkedBlockingQueue<>();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/backchannel", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                logoutTokens.add(URLDecoder.decode(body.substring(body.indexOf('=') + 1), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private Applications.TestApplication applicationWithBackChannel(String companyId) {
        return applications().register("""
                {"name":"Product %d","clientType":"confidential","redirectUris":["%s"],"companyIds":["%s"],
                 "backChannelLogoutUri":"http://127.0.0.1:%d/backchannel"}
                """.formatted(System.nanoTime(), REDIRECT, companyId, receiver.getAddress().getPort()));
    }

    @Test
    void revokedRefreshTokenAfterScimActiveFalseIsInvalidGrantAndTheApplicationIsToldOverTheBackChannel()
            throws Exception {
        SamlCompany company = samlCompany();
        String userId = company.scim().createUser("leaver@contoso.test");
        Applications.TestApplication app = applicationWithBackChannel(company.id());
        Pkce pkce = pkce();
        String code = code(new FormBrowser(http().base()), company, "leaver@contoso.test", app.clientId(), pkce);
        Http.Response tokens = exchange(app, code, pkce.verifier());
        assertThat(tokens.status()).isEqualTo(200);
        String access = tokens.json().path("access_token").asString();
        String refreshToken = tokens.json().path("refresh_token").asString();
        String sid = claims(tokens.json().path("id_token").asString()).path("sid").asString();
        assertThat(introspect(app, access).json().path("active").asBoolean()).isTrue();

        Http.Response deactivated = company.scim().patch("/Users/" + userId,
                EntraBodies.patch("[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]"));
        assertThat(deactivated.status()).isEqualTo(200);

        Http.Response refreshed = refresh(app, refreshToken);
        assertThat(refreshed.status()).isEqualTo(400);
        assertThat(refreshed.json().path("error").asString()).isEqualTo("invalid_grant");
        assertThat(introspect(app, access).json().path("active").asBoolean()).isFalse();
        assertThat(userinfo(access).status()).isEqualTo(401);

        String logoutToken = logoutTokens.poll(10, TimeUnit.SECONDS);
        assertThat(logoutToken).as("logout token received").isNotNull();
        SignedJWT jwt = SignedJWT.parse(logoutToken);
        JWKSet jwks = JWKSet.parse(http().get("/oauth2/jwks", null).body());
        assertThat(jwt.verify(new RSASSAVerifier(jwks.getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey())))
                .isTrue();
        assertThat(jwt.getHeader().getType().toString()).isEqualTo("logout+jwt");
        JsonNode c = claims(logoutToken);
        assertThat(c.path("iss").asString()).isEqualTo("https://gatehouse.test");
        assertThat(audience(c)).isEqualTo(app.clientId());
        assertThat(c.path("sub").asString()).isEqualTo(userId);
        assertThat(c.path("sid").asString()).isEqualTo(sid);
        assertThat(c.path("jti").asString()).isNotBlank();
        assertThat(c.path("iat").isNumber()).isTrue();
        assertThat(c.has("nonce")).isFalse();
        assertThat(c.path("events").has(ProviderSecurityConfig.BACKCHANNEL_EVENT)).isTrue();
    }

    @Test
    void aDeletedUsersRefreshTokenIsInvalidGrant() {
        SamlCompany company = samlCompany();
        String userId = company.scim().createUser("gone@contoso.test");
        Applications.TestApplication app = application(company.id());
        Pkce pkce = pkce();
        String code = code(new FormBrowser(http().base()), company, "gone@contoso.test", app.clientId(), pkce);
        Http.Response tokens = exchange(app, code, pkce.verifier());

        assertThat(company.scim().delete("/Users/" + userId).status()).isEqualTo(204);

        Http.Response refreshed = refresh(app, tokens.json().path("refresh_token").asString());
        assertThat(refreshed.status()).isEqualTo(400);
        assertThat(refreshed.json().path("error").asString()).isEqualTo("invalid_grant");
    }
}
