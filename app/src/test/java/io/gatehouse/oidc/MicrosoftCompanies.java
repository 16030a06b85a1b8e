package io.gatehouse.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.FormBrowser;
import io.gatehouse.support.Http;
import io.gatehouse.support.Operator;
import io.gatehouse.support.Scim;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Companies that offer "Sign in with Microsoft" against {@link LocalEntra}, set up as a customer does it: made by
 * the operator API with a break-glass administrator who signs in with a password, offers the method and approves
 * it (admin consent); users provisioned as Entra's SCIM provisioning does (externalId = the Entra object id). Used by
 * the oidc tests ({@link OidcIntegrationTest}) and by provider.ReferenceProductBrowserIT.
 */
public final class MicrosoftCompanies {

    static final String PASSWORD = "correct horse battery staple";

    /** A company, its signed-in break-glass administrator and its SCIM token. */
    public record TestCompany(String id, String name, String adminEmail, FormBrowser admin, Scim scim) {}

    private MicrosoftCompanies() {}

    /** Gatehouse configured with the operator's Entra application, pointing at {@link LocalEntra}. */
    public static void configure(DynamicPropertyRegistry registry) {
        registry.add("gatehouse.oidc.microsoft.authority-base", LocalEntra::authorityBase);
        registry.add("gatehouse.oidc.microsoft.client-id", () -> LocalEntra.CLIENT_ID);
        registry.add("gatehouse.oidc.microsoft.client-secret", () -> LocalEntra.CLIENT_SECRET);
    }

    /** A new premium company with its administrator signed in (over {@code http}) and a SCIM token. */
    public static TestCompany create(Http http) {
        Operator operator = new Operator(http);
        String name = "Oidc " + System.nanoTime();
        String email = "admin" + System.nanoTime() + "@acme.test";
        String id = operator.createCompany(name, "premium");
        Http.Response admin = operator.call("POST", "/companies/" + id + "/admins",
                "{\"email\":\"" + email + "\",\"displayName\":\"Ada Admin\"}");
        assertThat(admin.status()).isEqualTo(201);
        String setup = URI.create(admin.json().path("setupLink").asString()).getPath();
        FormBrowser web = new FormBrowser(http.base());
        Http.Response done = web.postWithCsrf(setup, setup, Map.of("password", PASSWORD, "confirm", PASSWORD));
        assertThat(done.status()).isEqualTo(302);
        return new TestCompany(id, name, email, web, new Scim(http, operator.issueScimToken(id)));
    }

    /** The administrator offers "Sign in with Microsoft" (users linked by oid = externalId). */
    static void offer(TestCompany company, String linkBy) {
        Http.Response saved = company.admin().postWithCsrf("/console/settings/sso", "/console/settings/sso/oidc",
                Map.of("enabled", "on", "linkBy", linkBy));
        assertThat(saved.status()).isEqualTo(200);
    }

    /** "Approve for my organization": the URL of Entra's admin consent page the admin is sent to. */
    static URI startApproval(FormBrowser admin) {
        Http.Response toEntra = admin.postWithCsrf("/console/settings/sso", "/console/settings/sso/oidc/approve",
                Map.of());
        assertThat(toEntra.status()).isEqualTo(302);
        return URI.create(toEntra.header("Location"));
    }

    /** Offers the method and approves it for {@code tenant}, as Entra's admin consent round trip does. */
    public static void offerAndApprove(TestCompany company, String tenant) {
        offer(company, "EXTERNAL_ID");
        URI authorize = consentAnswer(company, startApproval(company.admin()), tenant);
        Http.Response back = proveWithTokenOf(company, authorize, tenant);
        assertThat(back.status()).as(back.toString()).isEqualTo(302);
        assertThat(back.header("Location")).isEqualTo("/console/settings/sso?approved");
    }

    /**
     * Entra's admin consent answer naming {@code tenant} (as the browser would bring it, editable): Gatehouse
     * binds nothing yet and sends the administrator on to the authorization request that must confirm it.
     */
    static URI consentAnswer(TestCompany company, URI consent, String tenant) {
        Http.Response back = company.admin().get("/oidc/consent/callback?admin_consent=True&tenant=" + tenant
                + "&state=" + enc(query(consent).get("state")) + "&scope=" + enc("https://graph.microsoft.com/.default"));
        assertThat(back.status()).as(back.toString()).isEqualTo(302);
        URI authorize = URI.create(back.header("Location"));
        assertThat(authorize.toString()).startsWith(LocalEntra.authorityBase() + "/organizations/v2.0/authorize?");
        return authorize;
    }

    /** The administrator signs in at Microsoft for the proof; the ID token is of {@code tokenTenant}. */
    static Http.Response proveWithTokenOf(TestCompany company, URI authorize, String tokenTenant) {
        return returnWithToken(company.admin(), authorize, proofToken(authorize, tokenTenant,
                UUID.randomUUID().toString()));
    }

    /** A valid ID token for the authorization request {@code authorize} (its nonce), of that tenant and oid. */
    static String proofToken(URI authorize, String tokenTenant, String oid) {
        Map<String, Object> claims = new HashMap<>(LocalEntra.claims(tokenTenant, oid,
                "it-admin" + System.nanoTime() + "@acme.test"));
        claims.put("nonce", query(authorize).get("nonce"));
        return LocalEntra.signedIdToken(claims, 3600);
    }

    /** A provisioned user, as Entra's SCIM provisioning creates one: externalId = the Entra object id. */
    public static String provision(TestCompany company, String userName, String oid, boolean active) {
        Http.Response created = company.scim().post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","externalId":"%s",
                 "active":%s}""".formatted(userName, oid, active));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /**
     * Entra's answer to the authorization request: the browser comes back to our redirect URI with a code
     * and the state; the token endpoint's next answer is {@code idToken}.
     */
    static Http.Response returnWithToken(FormBrowser web, URI authorize, String idToken) {
        LocalEntra.nextTokenResponse(idToken);
        return web.get("/oidc/callback?code=code-" + System.nanoTime() + "&state="
                + enc(query(authorize).get("state")));
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
