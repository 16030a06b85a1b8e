package io.gatehouse.saml;

import io.gatehouse.saml.core.Certificates;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

/**
 * Key pairs and self-signed certificates for our side of a connection. SAML peers trust the certificate
 * an admin configures, not a CA chain, so self-signed is what SAML metadata normally carries.
 */
final class SpCertificates {

    /** IdPs do not check SP certificate dates for request signatures; a long life avoids a forced rollover. */
    static final Duration VALIDITY = Duration.ofDays(10 * 365);
    private static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String ORGANIZATION = "2.5.4.10";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SpCertificates() {}

    static KeyPair newRsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is a mandatory JDK algorithm", e);
        }
    }

    /** An X.509 v3 certificate (RFC 5280 §4.1) for the key pair, issued by itself, signed SHA256withRSA. */
    static X509Certificate selfSigned(KeyPair keys, String commonName, Instant notBefore) {
        byte[] algorithm = Der.sequence(Der.objectIdentifier(SHA256_WITH_RSA), Der.nullValue());
        byte[] name = Der.sequence(
                Der.set(Der.sequence(Der.objectIdentifier(ORGANIZATION), Der.utf8String("Gatehouse"))),
                Der.set(Der.sequence(Der.objectIdentifier(COMMON_NAME), Der.utf8String(commonName))));
        byte[] serial = new byte[16];
        RANDOM.nextBytes(serial);
        byte[] toBeSigned = Der.sequence(
                Der.explicit(0, Der.integer(BigInteger.TWO)),
                Der.integer(new BigInteger(1, serial)),
                algorithm,
                name,
                Der.sequence(Der.time(notBefore), Der.time(notBefore.plus(VALIDITY))),
                name,
                keys.getPublic().getEncoded());
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(keys.getPrivate());
            signer.update(toBeSigned);
            return Certificates.fromDer(Der.sequence(toBeSigned, algorithm, Der.bitString(signer.sign())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not issue the SP certificate", e);
        }
    }
}
