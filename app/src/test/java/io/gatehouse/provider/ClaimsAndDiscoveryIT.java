package io.gatehouse.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.support.Applications;
import io.gatehouse.support.FormBrowser;
import io.gatehouse.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the product reads: discovery, the JWKS, and the claims of the ID token and userinfo. */
class ClaimsAndDiscoveryIT extends ProviderIntegrationTest {

    @Test
    void discoveryAndJwksDescribeTheProviderAndPublishOnlyPublicKeys() throws Exception {
        Http.Response discovery = http().get("/.well-known/openid-configuration", null);
        assertThat(discovery.status()).isEqualTo(200);
        JsonNode d = discovery.json();
        String base = "https://gatehouse.test";
        assertThat(d.path("issuer").asString()).isEqualTo(base);
        assertThat(d.path("authorization_endpoint").asString()).isEqualTo(base + "/oauth2/authorize");
        assertThat(d.path("token_endpoint").asString()).isEqualTo(base + "/oauth2/token");
        assertThat(d.path("userinfo_endpoint").asString()).isEqualTo(base + "/oauth2/userinfo");
        assertThat(d.path("jwks_uri").asString()).isEqualTo(base + "/oauth2/jwks");
        assertThat(d.path("end_session_endpoint").asString()).isEqualTo(base + "/oauth2/logout");
        assertThat(d.path("introspection_endpoint").asString()).isEqualTo(base + "/oauth2/introspect");
        assertThat(d.path("revocation_endpoint").asString()).isEqualTo(base + "/oauth2/revoke");
        assertThat(d.path("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
        assertThat(d.path("backchannel_logout_supported").asBoolean()).isTrue();
        assertThat(d.path("scopes_supported").toString()).contains("groups");
        assertThat(d.path("claims_supported").toString()).contains("org_id", "permissions", "idp");

        Http.Response jwks = http().get("/oauth2/jwks", null);
        assertThat(jwks.status()).isEqualTo(200);
        JWKSet set = JWKSet.parse(jwks.body());
        assertThat(set.getKeys()).isNotEmpty();
        for (JWK key : set.getKeys()) {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.getKeyID()).startsWith("gh-");
        }
        assertThat(jwks.body()).doesNotContain("\"d\"").doesNotContain("\"p\"");
    }

    @Test
    void claimsContentOfTheIdTokenAndUserinfo() throws Exception {
        SamlCompany company = samlCompany();
        String userId = company.scim().createUser("carol@contoso.test");
        String groupId = company.scim().createGroup("Sales Team");
        company.scim().patch("/Groups/" + groupId, io.gatehouse.support.EntraBodies.patch(
                "[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + userId + "\"}]}]"));
        assertThat(operator().call("PUT", "/companies/" + company.id() + "/roles/users/" + userId + "/manage_users",
                null).status()).isEqualTo(204);
        Applications.TestApplication app = application(company.id());
        Pkce pkce = pkce();
        String code = code(new FormBrowser(http().base()), company, "carol@contoso.test", app.clientId(), pkce);
        Http.Response tokens = exchange(app, code, pkce.verifier());
        String idToken = tokens.json().path("id_token").asString();

        SignedJWT jwt = SignedJWT.parse(idToken);
        JWKSet jwks = JWKSet.parse(http().get("/oauth2/jwks", null).body());
        assertThat(jwt.verify(new RSASSAVerifier(jwks.getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey())))
                .isTrue();
        JsonNode id = claims(idToken);
        assertThat(id.path("sub").asString()).isEqualTo(userId);
        assertThat(id.path("org_id").asString()).isEqualTo(company.id());
        assertThat(id.path("email").asString()).isEqualTo("carol@contoso.test");
        assertThat(id.path("name").asString()).isEqualTo("carol Example");
        assertThat(id.path("preferred_username").asString()).isEqualTo("carol@contoso.test");
        assertThat(id.path("idp").asString()).isEqualTo("saml");
        assertThat(id.path("sid").asString()).isNotBlank();
        assertThat(id.path("nonce").asString()).startsWith("n-");
        assertThat(id.path("groups").size()).isEqualTo(1);
        assertThat(id.path("groups").get(0).path("id").asString()).isEqualTo(groupId);
        assertThat(id.path("groups").get(0).path("name").asString()).isEqualTo("Sales Team");
        assertThat(id.has("groups_truncated")).isFalse();
        assertThat(id.path("permissions").toString()).isEqualTo("[\"MANAGE_USERS\"]");

        JsonNode info = userinfo(tokens.json().path("access_token").asString()).json();
        for (String claim : new String[] {"sub", "org_id", "email", "name", "preferred_username", "idp",
                "groups", "permissions"}) {
            assertThat(info.path(claim)).as(claim).isEqualTo(id.path(claim));
        }

        // Refresh: fresh claims, same sid.
        Http.Response refreshed = refresh(app, tokens.json().path("refresh_token").asString());
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        JsonNode again = claims(refreshed.json().path("id_token").asString());
        assertThat(again.path("sid").asString()).isEqualTo(id.path("sid").asString());
        assertThat(again.path("org_id").asString()).isEqualTo(company.id());
    }
}
