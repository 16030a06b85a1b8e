package io.gatehouse.access;

import java.util.Set;

/**
 * What a person may do in their company, beyond using the Spaces granted to them. The names are the ones
 * the setup guide tells customers to check ("Manage company settings", "Manage users", "Manage user groups").
 */
public enum Permission implements Grantable {
    /** SSO and provisioning settings, Spaces of the whole company. */
    MANAGE_COMPANY_SETTINGS("Manage company settings"),
    /** Users and their company permissions. */
    MANAGE_USERS("Manage users"),
    /** User groups and the permissions granted to groups. */
    MANAGE_USER_GROUPS("Manage user groups");

    private final String label;

    Permission(String label) {
        this.label = label;
    }

    /** The name people see. */
    public String label() {
        return label;
    }

    @Override
    public Kind kind() {
        return Kind.PERMISSION;
    }

    @Override
    public Set<Permission> permissions() {
        return Set.of(this);
    }
}
