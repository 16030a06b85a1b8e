package io.gatehouse.saml;

import static io.gatehouse.saml.SamlConnectionRepository.ts;

import io.gatehouse.audit.AuditLog;
import io.gatehouse.config.GatehouseProperties;
import io.gatehouse.config.ProductName;
import io.gatehouse.saml.core.Certificates;
import io.gatehouse.tenancy.CompanyId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SP key lifecycle of a company, without downtime: {@link #createNext} makes a key ahead of time (published in
 * our metadata beside the current one, and already accepted for decryption, so the IdP may switch to it whenever it
 * learns of it); {@link #activate} makes it current (it signs from then on) and keeps the replaced key decrypting for
 * a grace period; {@link #retire} ends a previous or unwanted next key, and the grace period's end retires the
 * previous key by itself ({@link #retireAfterGrace}). Each step and its audit entry commit together, under a lock of
 * the company's keys of that use, so two steps at once on two nodes happen one after the other.
 */
@Service
public class SpKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(SpKeyRotation.class);
    public static final Duration DEFAULT_GRACE = Duration.ofDays(7);
    public static final Duration MAX_GRACE = Duration.ofDays(90);
    static final String GRACE_OVER = "Gatehouse (grace period over)";

    /** A refused step: the key is not in a state that allows it (409 in the operator API). */
    public static final class StepRefused extends RuntimeException {
        StepRefused(String message) {
            super(message);
        }
    }

    private final ProductName product;
    private final SpKeys keys;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    SpKeyRotation(SpKeys keys, JdbcClient jdbc, AuditLog audit, TransactionTemplate tx, Clock clock,
                  GatehouseProperties properties) {
        this.product = new ProductName(properties.productName());
        this.keys = keys;
        this.jdbc = jdbc;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** The company's keys, current ones created if missing, oldest first, with what Entra must be told. */
    public List<SpKeyInfo> list(CompanyId company) {
        return keys.all(company).stream().map(this::info).toList();
    }

    public Optional<SpKeyInfo> find(CompanyId company, long keyId) {
        return keys.find(company, keyId).map(this::info);
    }

    /** A next key for the use ("SIGNING" or "ENCRYPTION"); refused while one is waiting already. */
    public SpKeyInfo createNext(CompanyId company, String useName, String actor) {
        SpCredential.Use use = SpCredential.Use.valueOf(useName);
        keys.all(company); // the current keys exist first: a next key is always next to a current one
        if (!keys.create(company, use, SpKey.Slot.NEXT)) {
            throw new StepRefused("a next " + label(use) + " key exists already: activate or retire it first");
        }
        SpKeyInfo created = keys.all(company).stream().filter(k -> k.use() == use && k.slot() == SpKey.Slot.NEXT)
                .findFirst().map(this::info).orElseThrow();
        audit.record(company, actor, "SP_KEY_CREATED", "next " + label(use) + " key " + created.id() + " (SHA-256 "
                + created.sha256() + ", valid until " + created.notAfter() + ")");
        return created;
    }

    /**
     * The next key becomes current; the current one becomes previous and still decrypts until {@code grace} has
     * passed; a previous key still in its grace period is retired now.
     */
    public SpKeyInfo activate(CompanyId company, long keyId, Duration grace, String actor) {
        if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
            throw new IllegalArgumentException("the grace period is 0 to " + MAX_GRACE.toDays() + " days");
        }
        Instant now = clock.instant();
        return tx.execute(status -> {
            SpKey key = locked(company, keyId);
            if (key.slot() != SpKey.Slot.NEXT) {
                throw new StepRefused("only a next key can be activated; key " + keyId + " is " + key.state());
            }
            jdbc.sql("""
                    UPDATE saml_sp_credential SET slot = NULL, retired_at = ?, grace_until = NULL,
                      private_key_sealed = NULL
                    WHERE company_id = ? AND key_use = ? AND slot = 'PREVIOUS'
                    """).params(ts(now), company.value(), key.use().name()).update();
            jdbc.sql("""
                    UPDATE saml_sp_credential SET slot = 'PREVIOUS', grace_until = ?
                    WHERE company_id = ? AND key_use = ? AND slot = 'CURRENT'
                    """).params(ts(now.plus(grace)), company.value(), key.use().name()).update();
            jdbc.sql("UPDATE saml_sp_credential SET slot = 'CURRENT', activated_at = ? WHERE company_id = ? AND id = ?")
                    .params(ts(now), company.value(), keyId).update();
            audit.record(company, actor, "SP_KEY_ACTIVATED", label(key.use()) + " key " + keyId + " is current; the"
                    + " previous one " + (key.use() == SpCredential.Use.ENCRYPTION ? "still decrypts until "
                    + now.plus(grace) : "no longer signs"));
            return info(keys.find(company, keyId).orElseThrow());
        });
    }

    /** Retires a previous key, or a next key that will not be used; the current key cannot be retired. */
    public SpKeyInfo retire(CompanyId company, long keyId, String actor) {
        return tx.execute(status -> {
            SpKey key = locked(company, keyId);
            if (key.slot() == SpKey.Slot.CURRENT) {
                throw new StepRefused("the current key cannot be retired: create and activate a next key first");
            }
            if (key.slot() == null) {
                throw new StepRefused("key " + keyId + " is retired already");
            }
            retireRow(company, keyId);
            audit.record(company, actor, "SP_KEY_RETIRED", key.state().toLowerCase() + " " + label(key.use())
                    + " key " + keyId + " retired; its private key is erased");
            return info(keys.find(company, keyId).orElseThrow());
        });
    }

    /** Retires every previous key whose grace period is over (housekeeping, any node). */
    int retireAfterGrace() {
        Instant now = clock.instant();
        List<Due> due = jdbc.sql("""
                SELECT company_id, id FROM saml_sp_credential WHERE slot = 'PREVIOUS' AND grace_until <= ?
                ORDER BY id LIMIT 100
                """).param(ts(now)).query((rs, n) -> new Due(new CompanyId(rs.getObject("company_id",
                java.util.UUID.class)), rs.getLong("id"))).list();
        int retired = 0;
        for (Due d : due) {
            Boolean done = tx.execute(status -> {
                SpKey key = locked(d.company(), d.id());
                if (key.slot() != SpKey.Slot.PREVIOUS || key.graceUntil() == null || key.graceUntil().isAfter(now)) {
                    return false; // another node, or an operator, got there first
                }
                retireRow(d.company(), d.id());
                audit.record(d.company(), GRACE_OVER, "SP_KEY_RETIRED", "previous " + label(key.use()) + " key "
                        + d.id() + " retired at the end of its grace period; its private key is erased");
                return true;
            });
            retired += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        if (retired > 0) {
            log.info("retired {} SP key(s) at the end of their grace period", retired);
        }
        return retired;
    }

    private void retireRow(CompanyId company, long keyId) {
        jdbc.sql("""
                UPDATE saml_sp_credential SET slot = NULL, retired_at = ?, private_key_sealed = NULL
                WHERE company_id = ? AND id = ?
                """).params(ts(clock.instant()), company.value(), keyId).update();
    }

    /** Locks every live key of the key's company and use (the rows a step rewrites), then reads the key. */
    private SpKey locked(CompanyId company, long keyId) {
        SpKey key = keys.find(company, keyId).orElseThrow(() -> new StepRefused("no key " + keyId));
        jdbc.sql("SELECT id FROM saml_sp_credential WHERE company_id = ? AND key_use = ? FOR UPDATE")
                .params(company.value(), key.use().name()).query(Long.class).list();
        return keys.find(company, keyId).orElseThrow();
    }

    private SpKeyInfo info(SpKey key) {
        return new SpKeyInfo(key.id(), key.use().name(), key.state(), key.certificate().getSubjectX500Principal()
                .getName(), Certificates.sha256Fingerprint(key.certificate()), key.notAfter(), key.createdAt(),
                key.activatedAt(), key.graceUntil(), key.retiredAt(), Pem.encode(key.certificate()),
                product.fill(EntraSteps.forKey(key, clock.instant())));
    }

    static String label(SpCredential.Use use) {
        return use == SpCredential.Use.SIGNING ? "signing" : "encryption";
    }

    private record Due(CompanyId company, long id) {}
}
