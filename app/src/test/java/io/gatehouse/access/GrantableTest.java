package io.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class GrantableTest {

    @Test
    void administratorHoldsEveryPermission() {
        assertThat(CompanyRole.ADMINISTRATOR.permissions()).isEqualTo(EnumSet.allOf(Permission.class));
    }

    @Test
    void aPermissionHoldsItselfOnly() {
        assertThat(Permission.MANAGE_USERS.permissions()).containsExactly(Permission.MANAGE_USERS);
    }

    @Test
    void parsesRolesAndPermissionsInAnyCase() {
        assertThat(Grantable.parse("administrator")).contains(CompanyRole.ADMINISTRATOR);
        assertThat(Grantable.parse("Manage_Users")).contains(Permission.MANAGE_USERS);
        assertThat(Grantable.parse("manage-user-groups")).contains(Permission.MANAGE_USER_GROUPS);
        assertThat(Grantable.parse("root")).isEmpty();
        assertThat(Grantable.parse(null)).isEmpty();
    }

    @Test
    void storedFormNeedsTheMatchingKind() {
        assertThat(Grantable.of("ROLE", "ADMINISTRATOR")).contains(CompanyRole.ADMINISTRATOR);
        assertThat(Grantable.of("PERMISSION", "ADMINISTRATOR")).isEmpty();
        assertThat(Grantable.of("PERMISSION", "MANAGE_BILLING")).isEmpty();
    }

    @Test
    void labelsAreTheNamesCustomersSeeInTheSetupGuide() {
        assertThat(Permission.MANAGE_COMPANY_SETTINGS.label()).isEqualTo("Manage company settings");
        assertThat(Permission.MANAGE_USERS.label()).isEqualTo("Manage users");
        assertThat(Permission.MANAGE_USER_GROUPS.label()).isEqualTo("Manage user groups");
    }
}
