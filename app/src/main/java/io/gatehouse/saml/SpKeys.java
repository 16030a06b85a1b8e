package io.gatehouse.saml;

import static io.gatehouse.saml.SamlConnectionRepository.instant;
import static io.gatehouse.saml.SamlConnectionRepository.ts;

import io.gatehouse.secrets.SecretSealer;
import io.gatehouse.tenancy.CompanyId;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Our per-company key pairs (saml_sp_credential, V16), the current ones created on first need. Two nodes creating
 * the same company's key at once both insert with ON CONFLICT DO NOTHING on the (company, use, slot) index and
 * then read back the one that won, so every node publishes and uses the same key.
 *
 * <p>Private keys are stored sealed ({@link SecretSealer}, purpose {@value #PURPOSE}, row key = the row id): the
 * base64 PKCS#8 text is sealed, so V3's plain column moves over as it is (the re-sealer seals it: {@code SamlWebConfig.samlSpPrivateKeys}). They
 * are never logged and never leave this package except to sign or decrypt. Opened keys are kept in memory by
 * their sealed text (each seal is unique), so a sign-in does not pay AES-GCM and PKCS#8 parsing every time; a
 * changed row has another sealed text and is read afresh.
 */
@Component
class SpKeys {

    static final String PURPOSE = "saml-sp-private-key";
    private static final int MAX_OPENED = 10_000;
    private static final String COLUMNS = """
            SELECT id, key_use, slot, private_key_sealed, certificate_pem, created_at, activated_at, grace_until,
              retired_at
            FROM saml_sp_credential
            """;

    private final JdbcClient jdbc;
    private final SecretSealer sealer;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Map<String, PrivateKey> opened = new ConcurrentHashMap<>();

    SpKeys(JdbcClient jdbc, SecretSealer sealer, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.tx = tx;
        this.clock = clock;
    }

    /** The key our requests (AuthnRequests, LogoutRequests, LogoutResponses) are signed with. */
    SpCredential signing(CompanyId company) {
        return credential(current(company, SpCredential.Use.SIGNING));
    }

    /** The key the IdP is told to encrypt assertions to. */
    SpCredential encryption(CompanyId company) {
        return credential(current(company, SpCredential.Use.ENCRYPTION));
    }

    /** Every key an assertion may be encrypted to now: current first, then next and previous (in its grace). */
    List<PrivateKey> decryptionKeys(CompanyId company) {
        current(company, SpCredential.Use.ENCRYPTION);
        Instant now = clock.instant();
        return keys(company, SpCredential.Use.ENCRYPTION).stream().filter(k -> k.key().decrypts(now))
                .sorted(Comparator.comparing((Stored k) -> k.key().slot() != SpKey.Slot.CURRENT))
                .map(k -> open(k.key().id(), k.sealed())).toList();
    }

    /** The certificates our metadata lists for a use: the current one, then the next one when created. */
    List<X509Certificate> published(CompanyId company, SpCredential.Use use) {
        current(company, use);
        return keys(company, use).stream().map(Stored::key)
                .filter(k -> k.slot() == SpKey.Slot.CURRENT || k.slot() == SpKey.Slot.NEXT)
                .sorted(Comparator.comparing((SpKey k) -> k.slot() != SpKey.Slot.CURRENT))
                .map(SpKey::certificate).toList();
    }

    /** Every key of the company, retired ones too, oldest first (the current ones are created if missing). */
    List<SpKey> all(CompanyId company) {
        current(company, SpCredential.Use.SIGNING);
        current(company, SpCredential.Use.ENCRYPTION);
        return jdbc.sql(COLUMNS + " WHERE company_id = ? ORDER BY created_at, id").param(company.value())
                .query((rs, n) -> map(rs).key()).list();
    }

    Optional<SpKey> find(CompanyId company, long id) {
        return jdbc.sql(COLUMNS + " WHERE company_id = ? AND id = ?").params(company.value(), id)
                .query((rs, n) -> map(rs).key()).optional();
    }

    /** Inserts a new key pair into a free slot; false when the slot is taken (another node, or a NEXT exists). */
    boolean create(CompanyId company, SpCredential.Use use, SpKey.Slot slot) {
        Instant now = clock.instant();
        KeyPair pair = SpCertificates.newRsaKeyPair();
        String label = use == SpCredential.Use.SIGNING ? "signing" : "encryption";
        X509Certificate certificate = SpCertificates.selfSigned(pair, "Gatehouse SAML " + label + " " + company, now);
        String pkcs8 = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        Boolean created = tx.execute(status -> {
            GeneratedKeyHolder generated = new GeneratedKeyHolder();
            int inserted = jdbc.sql("""
                    INSERT INTO saml_sp_credential (company_id, key_use, slot, certificate_pem, created_at, activated_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING
                    """)
                    .params(company.value(), use.name(), slot.name(), Pem.encode(certificate), ts(now),
                            slot == SpKey.Slot.CURRENT ? ts(now) : null)
                    .update(generated, "id");
            if (inserted == 0) {
                return false;
            }
            long id = generated.getKey().longValue();
            // Sealed with the row id as associated data, so it is written in the same transaction as the row.
            jdbc.sql("UPDATE saml_sp_credential SET private_key_sealed = ? WHERE id = ?")
                    .params(sealer.seal(PURPOSE, Long.toString(id), pkcs8), id).update();
            return true;
        });
        return Boolean.TRUE.equals(created);
    }

    private Stored current(CompanyId company, SpCredential.Use use) {
        return findCurrent(company, use).orElseGet(() -> {
            create(company, use, SpKey.Slot.CURRENT);
            return findCurrent(company, use)
                    .orElseThrow(() -> new IllegalStateException("SP key vanished after insert"));
        });
    }

    private Optional<Stored> findCurrent(CompanyId company, SpCredential.Use use) {
        return jdbc.sql(COLUMNS + " WHERE company_id = ? AND key_use = ? AND slot = 'CURRENT'")
                .params(company.value(), use.name()).query((rs, n) -> map(rs)).optional();
    }

    private List<Stored> keys(CompanyId company, SpCredential.Use use) {
        return jdbc.sql(COLUMNS + " WHERE company_id = ? AND key_use = ? AND slot IS NOT NULL")
                .params(company.value(), use.name()).query((rs, n) -> map(rs)).list();
    }

    private SpCredential credential(Stored stored) {
        return new SpCredential(open(stored.key().id(), stored.sealed()), stored.key().certificate());
    }

    private PrivateKey open(long id, String sealed) {
        if (sealed == null) {
            // Only between an upgrade from V3 and the re-sealer's first run, which every start does first.
            throw new IllegalStateException("SP key " + id + " is not sealed yet: POST /operator/v1/secrets/reseal");
        }
        PrivateKey key = opened.get(sealed);
        if (key == null) {
            key = privateKey(sealer.openText(PURPOSE, Long.toString(id), sealed));
            if (opened.size() >= MAX_OPENED) {
                opened.clear();
            }
            opened.put(sealed, key);
        }
        return key;
    }

    private static Stored map(ResultSet rs) throws SQLException {
        String slot = rs.getString("slot");
        SpKey key = new SpKey(rs.getLong("id"), SpCredential.Use.valueOf(rs.getString("key_use")),
                slot == null ? null : SpKey.Slot.valueOf(slot), Pem.decodeAll(rs.getString("certificate_pem")).get(0),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("activated_at")),
                instant(rs.getTimestamp("grace_until")), instant(rs.getTimestamp("retired_at")));
        return new Stored(key, rs.getString("private_key_sealed"));
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

    /** A key with its sealed private key, inside this class only. */
    private record Stored(SpKey key, String sealed) {
        @Override
        public String toString() {
            return "Stored[" + key.id() + "]";
        }
    }
}
