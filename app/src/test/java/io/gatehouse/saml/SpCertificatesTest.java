package io.gatehouse.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Our self-signed SP certificates, read back by the JDK's own X.509 parser. */
class SpCertificatesTest {

    @Test
    void issuesAVersion3CertificateTheJdkParsesAndVerifies() throws Exception {
        KeyPair keys = SpCertificates.newRsaKeyPair();
        Instant now = Instant.parse("2026-11-29T00:00:00Z");

        X509Certificate cert = SpCertificates.selfSigned(keys, "Gatehouse SAML signing 8d7e", now);

        cert.verify(keys.getPublic());
        assertThat(cert.getVersion()).isEqualTo(3);
        assertThat(cert.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=Gatehouse SAML signing 8d7e,O=Gatehouse");
        assertThat(cert.getIssuerX500Principal()).isEqualTo(cert.getSubjectX500Principal());
        assertThat(cert.getNotBefore().toInstant()).isEqualTo(now);
        assertThat(cert.getNotAfter().toInstant()).isEqualTo(now.plus(3650, ChronoUnit.DAYS));
        assertThat(cert.getPublicKey()).isEqualTo(keys.getPublic());
        assertThat(cert.getSerialNumber().signum()).isPositive();
    }

    @Test
    void datesFrom2050AreGeneralizedTime() throws Exception {
        KeyPair keys = SpCertificates.newRsaKeyPair();

        X509Certificate cert = SpCertificates.selfSigned(keys, "late", Instant.parse("2049-06-01T00:00:00Z"));

        cert.verify(keys.getPublic());
        assertThat(cert.getNotAfter().toInstant()).isEqualTo(Instant.parse("2059-05-30T00:00:00Z"));
    }

    @Test
    void encodesObjectIdentifiersArcByArc() {
        // 1.2.840.113549.1.1.11 (sha256WithRSAEncryption), X.690 §8.19 example shape.
        assertThat(Der.objectIdentifier("1.2.840.113549.1.1.11")).containsExactly(
                0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0B);
    }
}
