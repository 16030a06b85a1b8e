package io.gatehouse.secrets;

import java.util.regex.Pattern;

/**
 * A table column holding values sealed by {@link SecretSealer} with {@code purpose} and the row's {@code keyColumn}
 * (as text) for row key. Each feature that stores sealed values declares one as a bean, so {@link Resealer} can
 * move every such value to the current key-encryption key. Names are SQL identifiers of our own schema.
 *
 * <p>{@code plainColumn}, when not null, is where an older schema kept the same value in clear (text): the
 * re-sealer seals each such value into {@code sealedColumn} and sets the plain one to null, at every start and with
 * every re-seal, so a database upgraded from a version without sealing keeps no plain value.
 */
public record SealedColumn(String purpose, String table, String keyColumn, String sealedColumn, String plainColumn) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public SealedColumn(String purpose, String table, String keyColumn, String sealedColumn) {
        this(purpose, table, keyColumn, sealedColumn, null);
    }

    public SealedColumn {
        for (String name : new String[] {table, keyColumn, sealedColumn, plainColumn == null ? "x" : plainColumn}) {
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("not a plain SQL identifier: " + name);
            }
        }
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("a sealed column needs a purpose");
        }
    }
}
