package io.gatehouse.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A real OpenID provider on localhost (no.nav.security's mock-oauth2-server) shaped like Entra's multi-tenant
 * endpoint: issuer id {@code organizations/v2.0}, so discovery, authorize, token and keys live under
 * {@code <base>/organizations/v2.0/…} as Gatehouse looks them up, and every ID token carries a {@code tid}
 * and the issuer {@code <base>/<tid>/v2.0} of its tenant, as Entra's do. One server per test JVM (also used by
 * provider.ReferenceProductBrowserIT, through {@link MicrosoftCompanies}).
 */
public final class LocalEntra {

    static final String ISSUER_ID = "organizations/v2.0";
    static final String CLIENT_ID = "6731de76-14a6-49ae-97bc-6eba6914391e";
    static final String CLIENT_SECRET = "local-entra-client-secret";

    /** ID tokens the token endpoint answers with next, instead of issuing one (forged, replayed, expired…). */
    private static final Queue<String> NEXT_ID_TOKENS = new ConcurrentLinkedQueue<>();
    /** The tenant Entra's admin consent endpoint reports as approved. */
    private static volatile String consentTenant = newTenant();

    private static final MockOAuth2Server SERVER = start();

    private LocalEntra() {}

    /** The token endpoint, while a prepared ID token is queued. */
    private static final class PreparedTokens implements Route {
        @Override
        public boolean match(OAuth2HttpRequest request) {
            return request.getUrl().encodedPath().endsWith("/token") && !NEXT_ID_TOKENS.isEmpty();
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            String body = "{\"access_token\":\"at-" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\","
                    + "\"expires_in\":3600,\"scope\":\"openid profile email\",\"id_token\":\""
                    + NEXT_ID_TOKENS.poll() + "\"}";
            return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json"), 200, body, null);
        }
    }

    /**
     * Entra's admin consent endpoint ({@code /organizations/v2.0/adminconsent}): the administrator accepts and
     * is sent back to the redirect URI with {@code admin_consent=True}, their tenant and our state.
     */
    private static final class AdminConsentEndpoint implements Route {
        @Override
        public boolean match(OAuth2HttpRequest request) {
            return request.getUrl().encodedPath().endsWith("/organizations/v2.0/adminconsent");
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            HttpUrl url = request.getUrl();
            HttpUrl back = HttpUrl.get(url.queryParameter("redirect_uri")).newBuilder()
                    .addQueryParameter("admin_consent", "True")
                    .addQueryParameter("tenant", consentTenant)
                    .addQueryParameter("state", url.queryParameter("state"))
                    .addQueryParameter("scope", url.queryParameter("scope")).build();
            return new OAuth2HttpResponse(Headers.of("Location", back.toString()), 302, "", null);
        }
    }

    static void consentTenant(String tenant) {
        consentTenant = tenant;
    }

    private static MockOAuth2Server start() {
        MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(), new PreparedTokens(),
                new AdminConsentEndpoint());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        return server;
    }

    static MockOAuth2Server server() {
        return SERVER;
    }

    /** The authority base Gatehouse is configured with ({@code https://login.microsoftonline.com} in Entra). */
    static String authorityBase() {
        String url = SERVER.baseUrl().toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static String issuerOf(String tenant) {
        return authorityBase() + "/" + tenant + "/v2.0";
    }

    /** Entra's claims of a work account: tid, its issuer, oid, preferred_username. */
    public static Map<String, Object> claims(String tenant, String oid, String userName) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuerOf(tenant));
        claims.put("tid", tenant);
        claims.put("oid", oid);
        claims.put("preferred_username", userName);
        claims.put("name", "Test Person");
        return claims;
    }

    /** The next authorization code exchanged gets an ID token with these claims (they override defaults). */
    public static void nextToken(Map<String, Object> claims, long expirySeconds) {
        SERVER.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, String.valueOf(claims.get("oid")), "JWT",
                List.of(CLIENT_ID), claims, expirySeconds));
    }

    /** An ID token signed by the provider's own key, as the token endpoint would issue it. */
    static String signedIdToken(Map<String, Object> claims, long expirySeconds) {
        return SERVER.issueToken(ISSUER_ID, CLIENT_ID, new DefaultOAuth2TokenCallback(ISSUER_ID,
                String.valueOf(claims.get("oid")), "JWT", List.of(CLIENT_ID), claims, expirySeconds)).serialize();
    }

    /** The same token with the same key id, signed by a key the provider never published. */
    static String forged(String idToken) {
        try {
            SignedJWT original = SignedJWT.parse(idToken);
            RSAKey attacker = new RSAKeyGenerator(2048).keyID(original.getHeader().getKeyID()).generate();
            SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(original.getHeader().getKeyID()).build(), JWTClaimsSet.parse(original.getJWTClaimsSet()
                    .toJSONObject()));
            forged.sign(new RSASSASigner(attacker));
            return forged.serialize();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token endpoint's next answer is this ID token (any code is accepted for it). */
    static void nextTokenResponse(String idToken) {
        NEXT_ID_TOKENS.clear();
        NEXT_ID_TOKENS.add(idToken);
    }

    public static String newTenant() {
        return UUID.randomUUID().toString();
    }
}
