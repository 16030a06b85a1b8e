package io.gatehouse.access;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What can be granted company-wide: a role or a single permission. Stored as (kind, name). */
public sealed interface Grantable permits CompanyRole, Permission {

    enum Kind { ROLE, PERMISSION }

    Kind kind();

    String name();

    /** The permissions this grant confers. */
    Set<Permission> permissions();

    /** {@code ADMINISTRATOR}, {@code MANAGE_USERS}, … (case-insensitive); empty for anything else. */
    static Optional<Grantable> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (CompanyRole role : CompanyRole.values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        for (Permission permission : Permission.values()) {
            if (permission.name().equals(name)) {
                return Optional.of(permission);
            }
        }
        return Optional.empty();
    }

    /** The stored form; empty for a kind or name this code does not know (written by a newer version). */
    static Optional<Grantable> of(String kind, String name) {
        return parse(name).filter(g -> g.kind().name().equals(kind));
    }
}
