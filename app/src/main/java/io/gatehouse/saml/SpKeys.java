package io.gatehouse.saml;

import io.gatehouse.tenancy.CompanyId;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Our per-company key pairs (saml_sp_key), created on first need. Two nodes creating the same company's
 * key at once both insert with ON CONFLICT DO NOTHING and then read back the one that won, so every node
 * publishes and uses the same key.
 *
 * <p>Private keys are stored as PKCS#8 (key_protection 'NONE'); encrypting them under a master key is a
 * follow-up. They are never logged and never leave this class except to sign or decrypt.
 */
@Component
class SpKeys {

    private final JdbcClient jdbc;
    private final Clock clock;

    SpKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    SpCredential signing(CompanyId company) {
        return getOrCreate(company, SpCredential.Use.SIGNING);
    }

    SpCredential encryption(CompanyId company) {
        return getOrCreate(company, SpCredential.Use.ENCRYPTION);
    }

    private SpCredential getOrCreate(CompanyId company, SpCredential.Use use) {
        return find(company, use).orElseGet(() -> {
            create(company, use);
            return find(company, use).orElseThrow(() -> new IllegalStateException("SP key vanished after insert"));
        });
    }

    private void create(CompanyId company, SpCredential.Use use) {
        Instant now = clock.instant();
        KeyPair keys = SpCertificates.newRsaKeyPair();
        String label = use == SpCredential.Use.SIGNING ? "signing" : "encryption";
        X509Certificate certificate = SpCertificates.selfSigned(keys, "Gatehouse SAML " + label + " " + company, now);
        jdbc.sql("""
                INSERT INTO saml_sp_key (company_id, key_use, private_key_pkcs8, key_protection, certificate_pem, created_at)
                VALUES (?, ?, ?, 'NONE', ?, ?)
                ON CONFLICT DO NOTHING
                """)
                .params(company.value(), use.name(),
                        Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()),
                        Pem.encode(certificate), SamlConnectionRepository.ts(now))
                .update();
    }

    private Optional<SpCredential> find(CompanyId company, SpCredential.Use use) {
        return jdbc.sql("""
                SELECT private_key_pkcs8, key_protection, certificate_pem FROM saml_sp_key
                WHERE company_id = ? AND key_use = ?
                """)
                .params(company.value(), use.name())
                .query((rs, n) -> {
                    if (!"NONE".equals(rs.getString("key_protection"))) {
                        throw new IllegalStateException("unsupported SP key protection " + rs.getString("key_protection"));
                    }
                    List<X509Certificate> certs = Pem.decodeAll(rs.getString("certificate_pem"));
                    return new SpCredential(privateKey(rs.getString("private_key_pkcs8")), certs.get(0));
                })
                .optional();
    }

    private static PrivateKey privateKey(String base64Pkcs8) {
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64Pkcs8)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // The message must not include the key material.
            throw new IllegalStateException("stored SP private key is unreadable");
        }
    }
}
