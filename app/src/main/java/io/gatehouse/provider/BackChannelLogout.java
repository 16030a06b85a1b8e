package io.gatehouse.provider;

import io.gatehouse.application.ApplicationId;
import io.gatehouse.application.ProductApplication;
import io.gatehouse.application.ProductApplications;
import io.gatehouse.config.GatehouseProperties;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * OpenID Connect Back-Channel Logout 1.0: a logout token (a JWT signed with the provider's key, {@code typ}
 * {@code logout+jwt}, claims {@code iss}, {@code aud}, {@code iat}, {@code exp}, {@code jti}, {@code sub},
 * {@code sid}, {@code events} with the back-channel logout event, never {@code nonce}) POSTed as
 * {@code logout_token} to each application that registered a back-channel logout URI. Sent after the deactivating
 * transaction commits, from a small pool so the SCIM request does not wait, with a 2 s connect and 5 s answer
 * timeout and no redirects followed. A failure is logged with the application and the status or error kind only
 * (never the token) and not retried: the user's tokens are already revoked, this only ends the product's session
 * sooner.
 */
@Component
class BackChannelLogout implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BackChannelLogout.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);

    private final ProductApplications applications;
    private final JwtEncoder encoder;
    private final GatehouseProperties properties;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ExecutorService senders = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "backchannel-logout");
        t.setDaemon(true);
        return t;
    });

    BackChannelLogout(ProductApplications applications, JwtEncoder encoder, GatehouseProperties properties,
                      Clock clock) {
        this.applications = applications;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    /** Sends the logout tokens once the current transaction commits (at once without one). */
    void afterCommit(UUID userId, Map<String, Set<String>> sidsByApplication) {
        Runnable send = () -> senders.execute(() -> send(userId, sidsByApplication));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }

    private void send(UUID userId, Map<String, Set<String>> sidsByApplication) {
        sidsByApplication.forEach((applicationId, sids) -> {
            Optional<ProductApplication> app = application(applicationId);
            if (app.isEmpty() || !app.get().enabled() || app.get().backChannelLogoutUri() == null) {
                return;
            }
            List<String> perSession = sids.isEmpty() ? java.util.Collections.singletonList(null) : new ArrayList<>(sids);
            for (String sid : perSession) {
                post(app.get(), logoutToken(app.get().clientId(), userId, sid));
            }
        });
    }

    private Optional<ProductApplication> application(String id) {
        try {
            return applications.find(new ApplicationId(UUID.fromString(id)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String logoutToken(String clientId, UUID userId, String sid) {
        Instant now = clock.instant();
        Map<String, Object> events = new HashMap<>();
        events.put(ProviderSecurityConfig.BACKCHANNEL_EVENT, new HashMap<>());
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(properties.baseUrl())
                .audience(List.of(clientId))
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(2)))
                .id(UUID.randomUUID().toString())
                .subject(userId.toString())
                .claim("events", events);
        if (sid != null) {
            claims.claim("sid", sid);
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type("logout+jwt").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }

    private void post(ProductApplication app, String token) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(app.backChannelLogoutUri()))
                    .timeout(ANSWER_TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cache-Control", "no-store")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "logout_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                    .build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200 && status != 204) {
                log.warn("back-channel logout to application {} ({}) answered HTTP {}", app.clientId(), app.id(),
                        status);
            }
        } catch (IOException | IllegalArgumentException e) {
            log.warn("back-channel logout to application {} ({}) failed: {}", app.clientId(), app.id(),
                    e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
    }
}
