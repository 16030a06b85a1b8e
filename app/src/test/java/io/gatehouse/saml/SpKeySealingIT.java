package io.gatehouse.saml;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.secrets.KeyEncryptionKeys;
import io.gatehouse.secrets.SecretSealer;
import io.gatehouse.support.Http;
import io.gatehouse.support.SecondNode;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SP private keys at rest: sealed under the key-encryption key, never in clear; a plain key an older version stored
 * is sealed on start and by the re-seal command; a KEK rotation (new KEK first, old one kept) re-seals every key and
 * sign-ins go on working on the new KEK alone.
 */
class SpKeySealingIT extends SamlIntegrationTest {

    private static final String NEW_KEK = "k2:" + Base64.getEncoder().encodeToString(new byte[] {
        9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 9, 8});

    @Autowired
    JdbcClient jdbc;

    @Test
    void storesSpPrivateKeysOnlySealedUnderTheKeyEncryptionKey() {
        SsoCompany company = ssoCompany();
        patchConnection(company.id(), "{\"signAuthnRequests\":true}");
        http().get("/saml/" + company.id() + "/metadata", null);

        List<Map<String, Object>> rows = jdbc.sql("SELECT id, private_key_sealed, private_key_pkcs8 FROM"
                + " saml_sp_credential WHERE company_id = ?").param(UUID.fromString(company.id())).query().listOfRows();

        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat((String) row.get("private_key_sealed")).startsWith("s1.test.").doesNotContain("MII");
            assertThat(row.get("private_key_pkcs8")).isNull();
        });
    }

    @Test
    void sealsAPlainKeyLeftByAnOlderVersionOnStartAndKeepsUsingIt() throws Exception {
        SsoCompany company = ssoCompany();
        company.scim().createUser("upgraded@contoso.test");
        X509Certificate certificate = insertPlainEncryptionKey(company);

        try (SecondNode upgraded = SecondNode.start()) {
            Map<String, Object> row = encryptionRow(company);
            assertThat(row.get("private_key_pkcs8")).isNull();
            assertThat((String) row.get("private_key_sealed")).startsWith("s1.test.");
            assertThat(SpMetadataIT.certificate(http().get("/saml/" + company.id() + "/metadata", null).body(),
                    "encryption")).isEqualTo(certificate);
            Browser browser = browser();
            assertThat(signInEncrypted(browser, company, "upgraded@contoso.test", certificate).status())
                    .isEqualTo(302);
        }
    }

    @Test
    void theResealCommandSealsPlainKeysToo() throws Exception {
        SsoCompany company = ssoCompany();
        insertPlainEncryptionKey(company);

        Http.Response r = operator().call("POST", "/secrets/reseal", null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("sealed").path(SpKeys.PURPOSE).asInt()).isGreaterThanOrEqualTo(1);
        assertThat(r.json().path("remaining").path(SpKeys.PURPOSE).asInt()).isZero();
        assertThat(encryptionRow(company).get("private_key_pkcs8")).isNull();
    }

    @Test
    void rotatingTheKekResealsEveryKeyAndSignInsWorkOnTheNewKekAlone() {
        SsoCompany company = ssoCompany();
        company.scim().createUser("rotated@contoso.test");
        X509Certificate encryption = SpMetadataIT.certificate(
                http().get("/saml/" + company.id() + "/metadata", null).body(), "encryption");
        try {
            try (SecondNode rotating = SecondNode.start(Map.of("gatehouse.secrets.kek", NEW_KEK + "," + TEST_KEK))) {
                Http rotatingHttp = Http.at(rotating.base());
                assertThat(rotatingHttp.get("/operator/v1/secrets", OPERATOR_TOKEN).json().path("remaining")
                        .path(SpKeys.PURPOSE).asInt()).isGreaterThanOrEqualTo(2);

                Http.Response r = rotatingHttp.send("POST", "/operator/v1/secrets/reseal", OPERATOR_TOKEN, null,
                        Map.of());

                assertThat(r.status()).isEqualTo(200);
                assertThat(r.json().path("currentKek").asString()).isEqualTo("k2");
                assertThat(r.json().path("resealed").path(SpKeys.PURPOSE).asInt()).isGreaterThanOrEqualTo(2);
                assertThat(r.json().path("remaining").path(SpKeys.PURPOSE).asInt()).isZero();
            }
            assertThat(jdbc.sql("SELECT COUNT(*) FROM saml_sp_credential WHERE private_key_sealed NOT LIKE 's1.k2.%'")
                    .query(Integer.class).single()).isZero();
            try (SecondNode onlyNew = SecondNode.start(Map.of("gatehouse.secrets.kek", NEW_KEK))) {
                Browser browser = browser().at(onlyNew.base());
                assertThat(signInEncrypted(browser, company, "rotated@contoso.test", encryption).status())
                        .isEqualTo(302);
                assertThat(Http.at(onlyNew.base()).get("/operator/v1/audit-log?limit=5", OPERATOR_TOKEN).body())
                        .contains("SECRETS_RESEALED");
            }
        } finally {
            // The test database is shared with the other tests' nodes, which know only the test KEK.
            try (SecondNode back = SecondNode.start(Map.of("gatehouse.secrets.kek", TEST_KEK + "," + NEW_KEK))) {
                Http.at(back.base()).send("POST", "/operator/v1/secrets/reseal", OPERATOR_TOKEN, null, Map.of());
            }
        }
    }

    @Test
    void aKeySealedUnderAKekNoLongerConfiguredIsAConflictNamingOnlyItsId() {
        SsoCompany company = ssoCompany();
        http().get("/saml/" + company.id() + "/metadata", null);
        long id = (Long) encryptionRow(company).get("id");
        String foreign = new SecretSealer(KeyEncryptionKeys.parse(NEW_KEK)).seal(SpKeys.PURPOSE, Long.toString(id),
                "not a key");
        String was = (String) encryptionRow(company).get("private_key_sealed");
        jdbc.sql("UPDATE saml_sp_credential SET private_key_sealed = ? WHERE id = ?").params(foreign, id).update();
        try {
            Http.Response r = operator().call("POST", "/secrets/reseal", null);

            assertThat(r.status()).isEqualTo(409);
            assertThat(r.body()).contains("'k2'").doesNotContain(NEW_KEK.substring(3));
        } finally {
            jdbc.sql("UPDATE saml_sp_credential SET private_key_sealed = ? WHERE id = ?").params(was, id).update();
        }
    }

    /** As V16 copies a V3 key: plain base64 PKCS#8 in private_key_pkcs8, nothing sealed, the CURRENT slot. */
    private X509Certificate insertPlainEncryptionKey(SsoCompany company) {
        KeyPair pair = SpCertificates.newRsaKeyPair();
        Instant now = Instant.now();
        X509Certificate certificate = SpCertificates.selfSigned(pair, "V3 key " + company.id(), now);
        UUID companyId = UUID.fromString(company.id());
        jdbc.sql("DELETE FROM saml_sp_credential WHERE company_id = ? AND key_use = 'ENCRYPTION'").param(companyId)
                .update();
        jdbc.sql("""
                INSERT INTO saml_sp_credential (company_id, key_use, slot, private_key_pkcs8, certificate_pem,
                  created_at, activated_at)
                VALUES (?, 'ENCRYPTION', 'CURRENT', ?, ?, ?, ?)
                """).params(companyId, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                Pem.encode(certificate), Timestamp.from(now), Timestamp.from(now)).update();
        return certificate;
    }

    private Map<String, Object> encryptionRow(SsoCompany company) {
        return jdbc.sql("SELECT id, private_key_sealed, private_key_pkcs8 FROM saml_sp_credential WHERE company_id = ?"
                        + " AND key_use = 'ENCRYPTION' AND slot = 'CURRENT'")
                .param(UUID.fromString(company.id())).query().singleRow();
    }
}
