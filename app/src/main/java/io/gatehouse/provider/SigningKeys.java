package io.gatehouse.provider;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.gatehouse.secrets.SealedColumn;
import io.gatehouse.secrets.SecretSealer;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The provider's RSA signing keys, stored in {@code provider_signing_key} and so shared by every node. A key is
 * published in the JWKS as soon as it exists, signs from {@code signs_from} on (the newest such key signs), and
 * stays published until {@code verify_until}: a rotation adds a key that signs only after
 * {@code gatehouse.provider.keys.publish-lead} (so relying parties have fetched it before seeing a token signed
 * by it) and keeps the previous key for {@code gatehouse.provider.keys.verify-overlap} after that (so tokens it
 * signed still verify). Private keys are sealed with {@link SecretSealer}; they are never logged.
 *
 * <p>Each node keeps what it read for {@link #CACHE} at most, so a JWKS or token request does not query the
 * table; a rotation is seen by every node within that time, far inside the publish lead.
 */
@Service
public class SigningKeys {

    static final String PURPOSE = "provider-signing-key";
    static final Duration CACHE = Duration.ofSeconds(10);

    /** A key as the operator API shows it: no key material but the public JWK. */
    public record KeyInfo(String kid, Instant createdAt, Instant signsFrom, Instant verifyUntil, boolean signing) {}

    private record Snapshot(Instant readAt, List<Row> rows, RSAKey signing) {}

    private record Row(String kid, RSAKey publicKey, String sealedPrivate, Instant createdAt, Instant signsFrom,
                       Instant verifyUntil) {}

    private final JdbcClient jdbc;
    private final SecretSealer sealer;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration publishLead;
    private final Duration verifyOverlap;
    private final SecureRandom random = new SecureRandom();
    private volatile Snapshot snapshot;

    SigningKeys(JdbcClient jdbc, SecretSealer sealer, TransactionTemplate tx, Clock clock,
                @Value("${gatehouse.provider.keys.publish-lead:PT1H}") Duration publishLead,
                @Value("${gatehouse.provider.keys.verify-overlap:P1D}") Duration verifyOverlap) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.tx = tx;
        this.clock = clock;
        this.publishLead = publishLead;
        this.verifyOverlap = verifyOverlap;
    }

    /** The public keys to publish: every key not past its verify_until, including one that does not sign yet. */
    List<RSAKey> published() {
        return current().rows().stream().map(Row::publicKey).toList();
    }

    /** The private key that signs now (created on first use when the deployment has none). */
    RSAKey signing() {
        return current().signing();
    }

    /**
     * Adds a key that signs from now + publish lead; every older key still without an end keeps verifying until
     * the new key has signed for the verify overlap.
     */
    public KeyInfo rotate() {
        Instant now = clock.instant();
        KeyInfo added = tx.execute(status -> {
            Instant signsFrom = now.plus(publishLead);
            Row row = insert(now, signsFrom);
            jdbc.sql("UPDATE provider_signing_key SET verify_until = ? WHERE verify_until IS NULL AND kid <> ?")
                    .params(Timestamp.from(signsFrom.plus(verifyOverlap)), row.kid()).update();
            return info(row, now);
        });
        snapshot = null;
        return added;
    }

    /** Every stored key, newest first. */
    public List<KeyInfo> list() {
        Instant now = clock.instant();
        List<Row> rows = read(false);
        String signingKid = signingRow(rows, now).map(Row::kid).orElse(null);
        return rows.stream().map(r -> new KeyInfo(r.kid(), r.createdAt(), r.signsFrom(), r.verifyUntil(),
                r.kid().equals(signingKid))).toList();
    }

    private KeyInfo info(Row row, Instant now) {
        return new KeyInfo(row.kid(), row.createdAt(), row.signsFrom(), row.verifyUntil(),
                !row.signsFrom().isAfter(now));
    }

    private Snapshot current() {
        Instant now = clock.instant();
        Snapshot s = snapshot;
        if (s != null && s.readAt().plus(CACHE).isAfter(now) && !s.readAt().isAfter(now)) {
            return s;
        }
        List<Row> rows = read(true);
        if (signingRow(rows, now).isEmpty()) {
            tx.executeWithoutResult(status -> insert(now, now));
            rows = read(true);
        }
        Row signer = signingRow(rows, now).orElseThrow();
        RSAKey signing;
        try {
            signing = RSAKey.parse(sealer.openText(PURPOSE, signer.kid(), signer.sealedPrivate()));
        } catch (ParseException e) {
            throw new IllegalStateException("provider signing key " + signer.kid() + " is not a JWK");
        }
        s = new Snapshot(now, rows, signing);
        snapshot = s;
        return s;
    }

    private static Optional<Row> signingRow(List<Row> rows, Instant now) {
        return rows.stream().filter(r -> !r.signsFrom().isAfter(now))
                .max(Comparator.comparing(Row::signsFrom).thenComparing(Row::createdAt).thenComparing(Row::kid));
    }

    private List<Row> read(boolean onlyPublished) {
        Instant now = clock.instant();
        String where = onlyPublished ? " WHERE verify_until IS NULL OR verify_until > ?" : "";
        var statement = jdbc.sql("SELECT kid, public_jwk, private_jwk_sealed, created_at, signs_from, verify_until"
                + " FROM provider_signing_key" + where + " ORDER BY signs_from DESC, created_at DESC, kid DESC");
        if (onlyPublished) {
            statement = statement.param(Timestamp.from(now));
        }
        return statement.query((rs, n) -> {
            try {
                Timestamp until = rs.getTimestamp("verify_until");
                return new Row(rs.getString("kid"), RSAKey.parse(rs.getString("public_jwk")),
                        rs.getString("private_jwk_sealed"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("signs_from").toInstant(), until == null ? null : until.toInstant());
            } catch (ParseException e) {
                throw new IllegalStateException("provider signing key " + rs.getString("kid") + " is not a JWK");
            }
        }).list();
    }

    private Row insert(Instant now, Instant signsFrom) {
        byte[] id = new byte[12];
        random.nextBytes(id);
        String kid = "gh-" + Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        RSAKey key;
        try {
            key = new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("RSA key generation is not available", e);
        }
        RSAKey publicKey = key.toPublicJWK();
        jdbc.sql("""
                INSERT INTO provider_signing_key (kid, public_jwk, private_jwk_sealed, created_at, signs_from)
                VALUES (?, ?, ?, ?, ?)
                """)
                .params(kid, publicKey.toJSONString(), sealer.seal(PURPOSE, kid, key.toJSONString()),
                        Timestamp.from(now), Timestamp.from(signsFrom))
                .update();
        return new Row(kid, publicKey, null, now, signsFrom, null);
    }

    @Configuration(proxyBeanMethods = false)
    static class Sealed {
        /** So secrets.Resealer moves the sealed private keys to a new key-encryption key. */
        @Bean
        SealedColumn providerSigningKeyColumn() {
            return new SealedColumn(PURPOSE, "provider_signing_key", "kid", "private_jwk_sealed");
        }
    }
}
