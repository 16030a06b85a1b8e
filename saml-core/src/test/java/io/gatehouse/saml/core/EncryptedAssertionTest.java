package io.gatehouse.saml.core;

import static io.gatehouse.saml.core.ResponseSignatureTest.failure;
import static io.gatehouse.saml.core.ResponseSignatureTest.success;
import static io.gatehouse.saml.core.support.TestIdp.connection;
import static io.gatehouse.saml.core.support.TestIdp.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.saml.core.support.EntraResponse;
import io.gatehouse.saml.core.support.TestIdp;
import io.gatehouse.saml.core.support.TestKeys;
import io.gatehouse.saml.core.support.XmlSigning;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.xml.security.encryption.XMLCipher;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** EncryptedAssertion (SAML core §2.3.4) as Entra's token encryption produces it. */
class EncryptedAssertionTest {

    private static final String XENC = "http://www.w3.org/2001/04/xmlenc#";

    private final SamlValidationConfig withSpKey = connection().decryptionKey(TestKeys.SP.privateKey()).build();

    @Test
    void decryptsSignedAssertionEncryptedWithRsaOaepAndAes256Gcm() {
        byte[] xml = signedThenEncrypted(XMLCipher.AES_256_GCM, XMLCipher.RSA_OAEP_11);

        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("EncryptedAssertion")
                .doesNotContain("alice@acme.example");
        assertThat(success(validate(withSpKey, xml)).nameId()).isEqualTo("alice@acme.example");
    }

    @Test
    void decryptsAes256CbcWithRsaOaepMgf1p() {
        byte[] xml = signedThenEncrypted(XMLCipher.AES_256, XMLCipher.RSA_OAEP);

        assertThat(validate(withSpKey, xml).valid()).isTrue();
    }

    @Test
    void acceptsUnsignedEncryptedAssertionInsideSignedResponse() {
        byte[] xml = TestIdp.sign(EntraResponse.valid(), doc -> {
            XmlSigning.encrypt(XmlSigning.assertion(doc), TestKeys.SP.certificate(), XMLCipher.AES_256_GCM,
                    XMLCipher.RSA_OAEP);
            XmlSigning.sign(doc.getDocumentElement(), TestKeys.IDP, XmlSigning.RSA_SHA256, XmlSigning.SHA256, true);
        });

        assertThat(validate(withSpKey, xml).valid()).isTrue();
    }

    @Test
    void rejectsUnsignedEncryptedAssertionInUnsignedResponse() {
        byte[] xml = TestIdp.sign(EntraResponse.valid(), doc -> XmlSigning.encrypt(XmlSigning.assertion(doc),
                TestKeys.SP.certificate(), XMLCipher.AES_256_GCM, XMLCipher.RSA_OAEP));

        assertThat(failure(validate(withSpKey, xml)).code()).isEqualTo(FailureCode.SIGNATURE_MISSING);
    }

    @Test
    void rejectsEncryptedAssertionWhenNoSpKeyIsConfigured() {
        byte[] xml = signedThenEncrypted(XMLCipher.AES_256_GCM, XMLCipher.RSA_OAEP);

        assertThat(failure(validate(xml)).code()).isEqualTo(FailureCode.DECRYPTION_FAILED);
    }

    @Test
    void rejectsAssertionEncryptedForAnotherServiceProvider() {
        byte[] xml = signedThenEncrypted(XMLCipher.AES_256_GCM, XMLCipher.RSA_OAEP);
        var otherKey = connection().decryptionKey(TestKeys.ATTACKER.privateKey()).build();

        var f = failure(validate(otherKey, xml));
        assertThat(f.code()).isEqualTo(FailureCode.DECRYPTION_FAILED);
        assertThat(f.toString()).doesNotContain("PRIVATE").doesNotContain(
                Base64.getEncoder().encodeToString(TestKeys.ATTACKER.privateKey().getEncoded()).substring(0, 40));
    }

    @Test
    void decryptsWithAnyOfTheKeysOfAnSpKeyRotation() {
        byte[] xml = signedThenEncrypted(XMLCipher.AES_256_GCM, XMLCipher.RSA_OAEP);
        var rotating = connection().decryptionKeys(java.util.List.of(TestKeys.ATTACKER.privateKey(),
                TestKeys.SP.privateKey())).build();

        assertThat(success(validate(rotating, xml)).nameId()).isEqualTo("alice@acme.example");
    }

    @Test
    void rejectsTamperedCiphertext() {
        byte[] xml = TestIdp.sign(EntraResponse.valid(), doc -> {
            XmlSigning.sign(XmlSigning.assertion(doc), TestKeys.IDP, XmlSigning.RSA_SHA256, XmlSigning.SHA256, true);
            XmlSigning.encrypt(XmlSigning.assertion(doc), TestKeys.SP.certificate(), XMLCipher.AES_256_GCM,
                    XMLCipher.RSA_OAEP);
            Element data = (Element) doc.getElementsByTagNameNS(XENC, "EncryptedData").item(0);
            Element value = (Element) data.getElementsByTagNameNS(XENC, "CipherValue").item(data
                    .getElementsByTagNameNS(XENC, "CipherValue").getLength() - 1);
            String v = value.getTextContent();
            value.setTextContent(v.substring(0, 20) + (v.charAt(20) == 'A' ? 'B' : 'A') + v.substring(21));
        });

        assertThat(failure(validate(withSpKey, xml)).code()).isEqualTo(FailureCode.DECRYPTION_FAILED);
    }

    @Test
    void rejectsRsaPkcs1v15KeyTransport() {
        byte[] xml = signedThenEncrypted(XMLCipher.AES_256_GCM, XMLCipher.RSA_v1dot5);

        assertThat(failure(validate(withSpKey, xml)).code()).isEqualTo(FailureCode.ALGORITHM_NOT_ALLOWED);
    }

    private static byte[] signedThenEncrypted(String contentAlg, String keyTransportAlg) {
        return TestIdp.sign(EntraResponse.valid(), doc -> {
            XmlSigning.sign(XmlSigning.assertion(doc), TestKeys.IDP, XmlSigning.RSA_SHA256, XmlSigning.SHA256, true);
            XmlSigning.encrypt(XmlSigning.assertion(doc), TestKeys.SP.certificate(), contentAlg, keyTransportAlg);
        });
    }
}
