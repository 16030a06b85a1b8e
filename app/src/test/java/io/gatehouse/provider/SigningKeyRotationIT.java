package io.gatehouse.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.support.Applications;
import io.gatehouse.support.FormBrowser;
import io.gatehouse.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Rotation through the operator API, here with no publish lead so the new key signs at once. */
@TestPropertySource(properties = "gatehouse.provider.keys.publish-lead=PT0S")
class SigningKeyRotationIT extends ProviderIntegrationTest {

    @Test
    void aKeyRotationKeepsOldTokensVerifiable() throws Exception {
        SamlCompany company = samlCompany();
        company.scim().createUser("rot@contoso.test");
        Applications.TestApplication app = application(company.id());
        Pkce pkce = pkce();
        FormBrowser browser = new FormBrowser(http().base());
        Http.Response before = exchange(app, code(browser, company, "rot@contoso.test", app.clientId(), pkce),
                pkce.verifier());
        String oldKid = header(before.json().path("id_token").asString()).path("kid").asString();

        Http.Response rotated = operator().call("POST", "/provider/signing-keys/rotate", null);
        assertThat(rotated.status()).isEqualTo(201);
        String newKid = rotated.json().path("kid").asString();
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(rotated.json().toString()).doesNotContain("\"d\"");
        Http.Response listed = operator().call("GET", "/provider/signing-keys", null);
        assertThat(listed.body()).contains(newKid).contains(oldKid);

        JWKSet jwks = JWKSet.parse(http().get("/oauth2/jwks", null).body());
        assertThat(jwks.getKeyByKeyId(oldKid)).as("old key still published").isNotNull();
        assertThat(jwks.getKeyByKeyId(newKid)).as("new key published").isNotNull();
        SignedJWT old = SignedJWT.parse(before.json().path("id_token").asString());
        assertThat(old.verify(new RSASSAVerifier(jwks.getKeyByKeyId(oldKid).toRSAKey()))).isTrue();
        assertThat(userinfo(before.json().path("access_token").asString()).status()).isEqualTo(200);

        Pkce second = pkce();
        Http.Response after = exchange(app, code(new FormBrowser(http().base()), company, "rot@contoso.test", app.clientId(), second),
                second.verifier());
        assertThat(header(after.json().path("id_token").asString()).path("kid").asString()).isEqualTo(newKid);
        assertThat(userinfo(after.json().path("access_token").asString()).status()).isEqualTo(200);
        assertThat(userinfo(before.json().path("access_token").asString()).status()).isEqualTo(200);
    }
}
