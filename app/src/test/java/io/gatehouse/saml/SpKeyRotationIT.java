package io.gatehouse.saml;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.saml.core.Certificates;
import io.gatehouse.support.Http;
import java.security.cert.X509Certificate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * SP key rotation without downtime: a next key published beside the current one, activation switching signing
 * while decryption accepts both for the grace period, retirement, and an audit entry for each step.
 */
class SpKeyRotationIT extends SamlIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SpKeyRotation rotation;

    @Test
    void aNextSigningKeyIsPublishedBesideTheCurrentOneAndSignsOnlyOnceActivated() throws Exception {
        SsoCompany company = ssoCompany();
        patchConnection(company.id(), "{\"signAuthnRequests\":true}");
        X509Certificate current = SpMetadataIT.certificate(metadata(company), "signing");

        JsonNode next = keys(company, "POST", "", "{\"use\":\"SIGNING\"}", 201);
        X509Certificate nextCert = Certificates.fromPem(next.path("certificatePem").asString()).get(0);

        assertThat(next.path("state").asString()).isEqualTo("NEXT");
        assertThat(next.path("entra").asString()).contains("Verification certificates");
        assertThat(next.toString()).doesNotContain("PRIVATE");
        assertThat(SpMetadataIT.certificates(metadata(company), "signing")).containsExactly(current, nextCert);
        assertThat(EntraLikeIdp.redirectSignatureVerifies(browser().get(company.login()).header("Location"), current))
                .isTrue();

        JsonNode activated = keys(company, "POST", "/" + next.path("id").asLong() + "/activate", null, 200);

        assertThat(activated.path("state").asString()).isEqualTo("CURRENT");
        String location = browser().get(company.login()).header("Location");
        assertThat(EntraLikeIdp.redirectSignatureVerifies(location, nextCert)).isTrue();
        assertThat(EntraLikeIdp.redirectSignatureVerifies(location, current)).isFalse();
        assertThat(SpMetadataIT.certificates(metadata(company), "signing")).containsExactly(nextCert);
        assertThat(auditLog(company)).contains("SP_KEY_CREATED", "SP_KEY_ACTIVATED");
    }

    @Test
    void decryptionAcceptsTheNextKeyBeforeAndThePreviousKeyDuringTheGracePeriodUntilItIsRetired() {
        SsoCompany company = ssoCompany();
        company.scim().createUser("rotating@contoso.test");
        X509Certificate old = SpMetadataIT.certificate(metadata(company), "encryption");
        JsonNode next = keys(company, "POST", "", "{\"use\":\"ENCRYPTION\"}", 201);
        X509Certificate nextCert = SpMetadataIT.certificates(metadata(company), "encryption").get(1);

        // An IdP that refreshed our metadata early encrypts to the next key before we activate it.
        assertThat(signInEncrypted(browser(), company, "rotating@contoso.test", nextCert).status()).isEqualTo(302);

        JsonNode activated = keys(company, "POST", "/" + next.path("id").asLong() + "/activate", "{\"graceDays\":3}",
                200);
        assertThat(activated.path("state").asString()).isEqualTo("CURRENT");
        JsonNode previous = previous(company);
        assertThat(previous.path("graceUntil").isNull()).isFalse();
        assertThat(previous.path("entra").asString()).contains("still decrypts until");
        // An IdP still on our old metadata: accepted during the grace period.
        assertThat(signInEncrypted(browser(), company, "rotating@contoso.test", old).status()).isEqualTo(302);
        assertThat(SpMetadataIT.certificate(metadata(company), "encryption")).isEqualTo(nextCert);

        JsonNode retired = keys(company, "POST", "/" + previous.path("id").asLong() + "/retire", null, 200);

        assertThat(retired.path("state").asString()).isEqualTo("RETIRED");
        Browser refused = browser();
        Http.Response afterRetire = signInEncrypted(refused, company, "rotating@contoso.test", old);
        assertThat(afterRetire.status()).isEqualTo(403);
        assertThat(afterRetire.body()).contains("DECRYPTION_FAILED");
        assertThat(signInEncrypted(browser(), company, "rotating@contoso.test", nextCert).status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM saml_sp_credential WHERE id = ? AND private_key_sealed IS NULL")
                .param(previous.path("id").asLong()).query(Integer.class).single()).isEqualTo(1);
        assertThat(auditLog(company)).contains("SP_KEY_RETIRED");
    }

    @Test
    void thePreviousKeyRetiresByItselfWhenItsGracePeriodIsOver() {
        SsoCompany company = ssoCompany();
        JsonNode next = keys(company, "POST", "", "{\"use\":\"ENCRYPTION\"}", 201);
        keys(company, "POST", "/" + next.path("id").asLong() + "/activate", "{\"graceDays\":0}", 200);
        long previousId = previous(company).path("id").asLong();

        rotation.retireAfterGrace();

        JsonNode all = keys(company, "GET", "", null, 200).path("keys");
        for (JsonNode key : all) {
            if (key.path("id").asLong() == previousId) {
                assertThat(key.path("state").asString()).isEqualTo("RETIRED");
            }
        }
        assertThat(auditLog(company)).contains("grace period over");
    }

    @Test
    void refusesStepsThatDoNotFitTheKeysState() {
        SsoCompany company = ssoCompany();
        JsonNode next = keys(company, "POST", "", "{\"use\":\"ENCRYPTION\"}", 201);
        long currentId = current(company, "ENCRYPTION").path("id").asLong();

        assertThat(call(company, "POST", "", "{\"use\":\"ENCRYPTION\"}").status()).isEqualTo(409);
        assertThat(call(company, "POST", "/" + currentId + "/activate", null).status()).isEqualTo(409);
        assertThat(call(company, "POST", "/" + currentId + "/retire", null).status()).isEqualTo(409);
        assertThat(call(company, "POST", "", "{\"use\":\"DECORATION\"}").status()).isEqualTo(400);
        assertThat(call(company, "POST", "", null).status()).isEqualTo(400);
        assertThat(call(company, "POST", "/" + next.path("id").asLong() + "/activate", "{\"graceDays\":91}").status())
                .isEqualTo(400);
        assertThat(call(company, "POST", "/nope/activate", null).status()).isEqualTo(404);
        SsoCompany other = ssoCompany();
        Http.Response othersKey = call(other, "POST", "/" + next.path("id").asLong() + "/retire", null);
        assertThat(othersKey.status()).isEqualTo(404);
        assertThat(othersKey.json().path("error").isMissingNode()).isFalse();
        assertThat(current(company, "ENCRYPTION").path("id").asLong()).isEqualTo(currentId);
    }

    private String metadata(SsoCompany company) {
        return http().get("/saml/" + company.id() + "/metadata", null).body();
    }

    private Http.Response call(SsoCompany company, String method, String path, String body) {
        return operator().call(method, "/companies/" + company.id() + "/saml-sp-keys" + path, body);
    }

    private JsonNode keys(SsoCompany company, String method, String path, String body, int status) {
        Http.Response r = call(company, method, path, body);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json();
    }

    private JsonNode current(SsoCompany company, String use) {
        return state(company, use, "CURRENT");
    }

    private JsonNode previous(SsoCompany company) {
        return state(company, "ENCRYPTION", "PREVIOUS");
    }

    private JsonNode state(SsoCompany company, String use, String state) {
        for (JsonNode key : keys(company, "GET", "", null, 200).path("keys")) {
            if (key.path("use").asString().equals(use) && key.path("state").asString().equals(state)) {
                return key;
            }
        }
        throw new AssertionError("no " + state + " " + use + " key of " + company.id());
    }

    private String auditLog(SsoCompany company) {
        return operator().call("GET", "/companies/" + UUID.fromString(company.id()) + "/audit-log", null).body();
    }
}
