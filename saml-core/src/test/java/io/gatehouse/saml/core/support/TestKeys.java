package io.gatehouse.saml.core.support;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A key pair with its self-signed certificate. Generated once per JVM: RSA-2048 takes a while. */
public record TestKeys(KeyPair keyPair, X509Certificate certificate) {

    public static final TestKeys IDP = rsa("Microsoft Azure Federated SSO Certificate");
    public static final TestKeys IDP_NEXT = rsa("Microsoft Azure Federated SSO Certificate");
    public static final TestKeys ATTACKER = rsa("Microsoft Azure Federated SSO Certificate");
    public static final TestKeys SP = rsa("gatehouse.example SP encryption");

    private static TestKeys ecIdp;

    public PrivateKey privateKey() {
        return keyPair.getPrivate();
    }

    public static synchronized TestKeys ecIdp() {
        if (ecIdp == null) {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp256r1"));
                ecIdp = withCert(g.generateKeyPair(), "EC IdP");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return ecIdp;
    }

    private static TestKeys rsa(String cn) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return withCert(g.generateKeyPair(), cn);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestKeys withCert(KeyPair kp, String cn) {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        return new TestKeys(kp, SelfSignedCertificate.create(kp, cn, now, now.plus(3 * 365, ChronoUnit.DAYS)));
    }
}
