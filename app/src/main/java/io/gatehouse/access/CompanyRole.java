package io.gatehouse.access;

import java.util.EnumSet;
import java.util.Set;

/** Named bundles of permissions. Which permissions a role holds is code, so it is the same on every node. */
public enum CompanyRole implements Grantable {
    /** The company administrator: every permission. */
    ADMINISTRATOR("Administrator", EnumSet.allOf(Permission.class));

    private final String label;
    private final Set<Permission> permissions;

    CompanyRole(String label, Set<Permission> permissions) {
        this.label = label;
        this.permissions = Set.copyOf(permissions);
    }

    public String label() {
        return label;
    }

    @Override
    public Kind kind() {
        return Kind.ROLE;
    }

    @Override
    public Set<Permission> permissions() {
        return permissions;
    }
}
