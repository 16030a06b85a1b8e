package io.gatehouse.provider;

import io.gatehouse.saml.EntraLikeIdp;
import io.gatehouse.saml.core.support.TestKeys;
import io.gatehouse.support.Applications;
import io.gatehouse.support.FormBrowser;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Operator;
import io.gatehouse.support.Scim;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Base of the OpenID Provider tests: companies signing in through SAML with the test IdP (saml.EntraLikeIdp), product
 * applications registered through the operator API, and the product's side of authorization code + PKCE.
 */
@TestPropertySource(properties = "gatehouse.saml.metadata-fetch.allow-http=true")
abstract class ProviderIntegrationTest extends IntegrationTest {

    static final String REDIRECT = "https://product.example.com/callback";
    static final String SCOPES = "openid profile email groups";
    private static final SecureRandom RANDOM = new SecureRandom();

    record SamlCompany(String id, Scim scim) {}

    record Pkce(String verifier, String challenge) {}

    SamlCompany samlCompany() {
        Operator.TestCompany company = operator().premiumCompanyWithToken();
        Http.Response saved = http().send("PUT", "/operator/v1/companies/" + company.id() + "/saml-connection",
                OPERATOR_TOKEN, EntraLikeIdp.metadata(TestKeys.IDP.certificate()),
                Map.of("Content-Type", "application/xml"));
        if (saved.status() != 200) {
            throw new IllegalStateException("connection not saved: " + saved);
        }
        return new SamlCompany(company.id(), new Scim(http(), company.scimToken()));
    }

    Applications applications() {
        return new Applications(http());
    }

    /** A confidential application with {@link #REDIRECT}, serving the given companies. */
    Applications.TestApplication application(String... companyIds) {
        return applications().serving(companyIds);
    }

    static Pkce pkce() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An authorization request for the company, with PKCE S256, state and nonce. */
    static String authorize(String clientId, String companyId, Pkce pkce) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("response_type", "code");
        p.put("client_id", clientId);
        p.put("redirect_uri", REDIRECT);
        p.put("scope", SCOPES);
        p.put("state", "st-" + System.nanoTime());
        p.put("nonce", "n-" + System.nanoTime());
        p.put("code_challenge", pkce.challenge());
        p.put("code_challenge_method", "S256");
        if (companyId != null) {
            p.put("organization", companyId);
        }
        return authorize(p);
    }

    static String authorize(Map<String, String> params) {
        return "/oauth2/authorize?" + form(params);
    }

    /**
     * Follows an authorization request through the company's SP-initiated SAML sign-in (the test IdP signs in
     * {@code userName}) and back to the authorization endpoint; returns the final answer (the redirect to the product).
     */
    static Http.Response signInThroughSaml(FormBrowser browser, String companyId, String userName, String authorizeUrl) {
        Http.Response toSignIn = browser.get(authorizeUrl);
        if (toSignIn.status() != 302 || !toSignIn.header("Location").contains("/saml/" + companyId + "/login")) {
            throw new AssertionError("authorize did not send to the company's SAML sign-in: " + toSignIn + " "
                    + toSignIn.header("Location"));
        }
        Http.Response toIdp = browser.get(toSignIn.header("Location"));
        String requestId = EntraLikeIdp.requestId(toIdp.header("Location"));
        Http.Response acs = browser.post("/saml/" + companyId + "/acs", EntraLikeIdp.form(
                EntraLikeIdp.signed(EntraLikeIdp.response(companyId, requestId, userName)), null));
        if (acs.status() != 302) {
            throw new AssertionError("SAML sign-in refused: " + acs);
        }
        return browser.get(acs.header("Location"));
    }

    /** A whole sign-in; returns the authorization code handed to the product. */
    String code(FormBrowser browser, SamlCompany company, String userName, String clientId, Pkce pkce) {
        Http.Response back = signInThroughSaml(browser, company.id(), userName, authorize(clientId, company.id(), pkce));
        return codeOf(back);
    }

    static String codeOf(Http.Response back) {
        String location = back.header("Location");
        if (back.status() != 302 || location == null || !location.startsWith(REDIRECT + "?")) {
            throw new AssertionError("no redirect to the product: " + back + " " + location);
        }
        String code = query(location).get("code");
        if (code == null) {
            throw new AssertionError("no code in " + location);
        }
        return code;
    }

    static Map<String, String> query(String url) {
        String q = URI.create(url).getRawQuery();
        Map<String, String> out = new LinkedHashMap<>();
        if (q != null) {
            for (String pair : q.split("&")) {
                String[] kv = pair.split("=", 2);
                out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return out;
    }

    /** The code exchange of a confidential client (client_secret_basic). */
    Http.Response exchange(Applications.TestApplication app, String code, String verifier) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("grant_type", "authorization_code");
        p.put("code", code);
        p.put("redirect_uri", REDIRECT);
        if (verifier != null) {
            p.put("code_verifier", verifier);
        }
        return tokenRequest(app, p);
    }

    Http.Response refresh(Applications.TestApplication app, String refreshToken) {
        return tokenRequest(app, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    Http.Response tokenRequest(Applications.TestApplication app, Map<String, String> params) {
        return post("/oauth2/token", app, params);
    }

    Http.Response post(String path, Applications.TestApplication app, Map<String, String> params) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        if (app != null && app.clientSecret() != null) {
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (app.clientId() + ":" + app.clientSecret()).getBytes(StandardCharsets.UTF_8)));
        }
        return http().send("POST", path, null, form(params), headers);
    }

    Http.Response userinfo(String accessToken) {
        return http().get("/oauth2/userinfo", accessToken);
    }

    Http.Response introspect(Applications.TestApplication app, String token) {
        return post("/oauth2/introspect", app, Map.of("token", token));
    }

    /** The payload of a JWT, unverified (the tests verify signatures with the JWKS where that is the point). */
    static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        return Http.JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    /** The single audience of a token, whether sent as a string or a one-element array. */
    static String audience(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        return aud.isArray() ? aud.get(0).asString() : aud.asString();
    }

    static JsonNode header(String jwt) {
        return Http.JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]),
                StandardCharsets.UTF_8));
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
