package io.gatehouse.secrets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Moves every sealed value of every {@link SealedColumn} to the current key-encryption key, in batches of short
 * transactions (one UPDATE per row, each guarded by the old value, so a value rewritten meanwhile by the feature
 * itself is left to it), and first seals the values an older schema kept in clear ({@link SealedColumn#plainColumn}).
 * Run after putting a new KEK first in the configuration and keeping the old one listed; when it reports nothing left
 * under the old key, the old KEK can be removed (docs/operations.md).
 */
public final class Resealer {

    private static final Logger log = LoggerFactory.getLogger(Resealer.class);
    static final int BATCH = 200;

    /** What one run did, per purpose: plain values sealed, sealed values moved, values still not under the KEK. */
    public record Report(String kek, Map<String, Integer> sealed, Map<String, Integer> resealed,
                         Map<String, Integer> remaining) {}

    private final SecretSealer sealer;
    private final JdbcClient jdbc;
    private final List<SealedColumn> columns;

    public Resealer(SecretSealer sealer, JdbcClient jdbc, List<SealedColumn> columns) {
        this.sealer = sealer;
        this.jdbc = jdbc;
        this.columns = List.copyOf(columns);
    }

    public String currentKekId() {
        return sealer.currentKekId();
    }

    /** Seals every plain value, then re-seals everything; returns what it did and what is left. */
    public Report run() {
        Map<String, Integer> sealed = sealPlainValues();
        Map<String, Integer> moved = resealAll();
        return new Report(sealer.currentKekId(), sealed, moved, remaining());
    }

    /** Seals the values older schemas kept in clear; returns the number sealed, per purpose. */
    public Map<String, Integer> sealPlainValues() {
        Map<String, Integer> sealed = new LinkedHashMap<>();
        for (SealedColumn column : columns) {
            if (column.plainColumn() != null) {
                sealed.merge(column.purpose(), sealPlain(column), Integer::sum);
            }
        }
        return sealed;
    }

    /** Re-seals everything; returns the number of values moved, per purpose. */
    public Map<String, Integer> resealAll() {
        Map<String, Integer> moved = new LinkedHashMap<>();
        for (SealedColumn column : columns) {
            moved.merge(column.purpose(), reseal(column), Integer::sum);
        }
        return moved;
    }

    /** Values not yet sealed under the current KEK (plain ones included), per purpose (0 once a rotation is done). */
    public Map<String, Integer> remaining() {
        Map<String, Integer> left = new LinkedHashMap<>();
        for (SealedColumn column : columns) {
            String plain = column.plainColumn() == null ? "" : " OR " + column.plainColumn() + " IS NOT NULL";
            int count = jdbc.sql("SELECT COUNT(*) FROM " + column.table() + " WHERE (" + column.sealedColumn()
                            + " IS NOT NULL AND " + column.sealedColumn() + " NOT LIKE :prefix)" + plain)
                    .param("prefix", sealer.currentPrefix() + "%").query(Integer.class).single();
            left.merge(column.purpose(), count, Integer::sum);
        }
        return left;
    }

    private int sealPlain(SealedColumn column) {
        String select = "SELECT " + column.keyColumn() + " AS k, " + column.plainColumn() + " AS v FROM "
                + column.table() + " WHERE " + column.plainColumn() + " IS NOT NULL ORDER BY " + column.keyColumn()
                + " LIMIT " + BATCH;
        String update = "UPDATE " + column.table() + " SET " + column.sealedColumn() + " = :sealed, "
                + column.plainColumn() + " = NULL WHERE " + column.keyColumn() + " = :k AND " + column.plainColumn()
                + " = :was";
        int sealed = 0;
        while (true) {
            List<Row> batch = jdbc.sql(select).query((rs, n) -> new Row(rs.getObject("k"), rs.getString("v"))).list();
            if (batch.isEmpty()) {
                break;
            }
            for (Row row : batch) {
                String value = sealer.seal(column.purpose(), row.key().toString(), row.value());
                // Guarded by the plain value: a row changed meanwhile no longer matches and is read again.
                sealed += jdbc.sql(update).param("sealed", value).param("k", row.key()).param("was", row.value())
                        .update();
            }
        }
        if (sealed > 0) {
            log.warn("Secrets: sealed {} value(s) of {} that were stored in clear, under key-encryption key '{}'",
                    sealed, column.purpose(), sealer.currentKekId());
        }
        return sealed;
    }

    private int reseal(SealedColumn column) {
        String select = "SELECT " + column.keyColumn() + " AS k, " + column.sealedColumn() + " AS v FROM "
                + column.table() + " WHERE " + column.sealedColumn() + " IS NOT NULL AND " + column.sealedColumn()
                + " NOT LIKE :prefix AND " + column.sealedColumn() + " NOT IN (:skipped) ORDER BY " + column.keyColumn()
                + " LIMIT " + BATCH;
        String update = "UPDATE " + column.table() + " SET " + column.sealedColumn() + " = :now WHERE "
                + column.keyColumn() + " = :k AND " + column.sealedColumn() + " = :was";
        int moved = 0;
        // Values that changed under us are simply skipped this pass; the list stays tiny (a placeholder keeps IN valid).
        List<String> skipped = new ArrayList<>(List.of(""));
        while (true) {
            List<Row> batch = jdbc.sql(select).param("prefix", sealer.currentPrefix() + "%").param("skipped", skipped)
                    .query((rs, n) -> new Row(rs.getObject("k"), rs.getString("v"))).list();
            if (batch.isEmpty()) {
                break;
            }
            for (Row row : batch) {
                String now = sealer.seal(column.purpose(), row.key().toString(),
                        sealer.open(column.purpose(), row.key().toString(), row.value()));
                int updated = jdbc.sql(update).param("now", now).param("k", row.key()).param("was", row.value()).update();
                if (updated == 1) {
                    moved++;
                } else {
                    skipped.add(row.value());
                }
            }
        }
        if (moved > 0) {
            log.info("Secrets: re-sealed {} value(s) of {} under key-encryption key '{}'", moved, column.purpose(),
                    sealer.currentKekId());
        }
        return moved;
    }

    private record Row(Object key, String value) {}
}
