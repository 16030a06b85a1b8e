package io.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.support.IntegrationTest;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AccessPolicyIT extends IntegrationTest {

    @Autowired
    AccessPolicy policy;
    @Autowired
    CompanyRoles roles;

    @Test
    void permissionsAreTheUnionOfDirectAndGroupGrants() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID alice = w.user("alice");
        UUID team = w.groupWith("Team", alice);
        w.grantUser(alice, Permission.MANAGE_USERS);
        w.grantGroup(team, Permission.MANAGE_USER_GROUPS);

        assertThat(policy.permissionsOf(w.company, alice))
                .containsExactlyInAnyOrder(Permission.MANAGE_USERS, Permission.MANAGE_USER_GROUPS);
        assertThat(policy.may(w.company, alice, Permission.MANAGE_COMPANY_SETTINGS)).isFalse();
    }

    @Test
    void administratorRoleHoldsEveryPermission() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID direct = w.user("direct");
        UUID member = w.user("member");
        w.grantUser(direct, CompanyRole.ADMINISTRATOR);
        w.grantGroup(w.groupWith("Admins", member), CompanyRole.ADMINISTRATOR);

        assertThat(policy.permissionsOf(w.company, direct)).isEqualTo(EnumSet.allOf(Permission.class));
        assertThat(policy.permissionsOf(w.company, member)).isEqualTo(EnumSet.allOf(Permission.class));
    }

    @Test
    void requireNamesTheMissingPermission() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID bob = w.user("bob");
        w.grantUser(bob, Permission.MANAGE_USERS);

        policy.require(w.company, bob, Permission.MANAGE_USERS);
        assertThatThrownBy(() -> policy.require(w.company, bob, Permission.MANAGE_COMPANY_SETTINGS))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.missing()).isEqualTo(Permission.MANAGE_COMPANY_SETTINGS))
                .hasMessageContaining("Manage company settings");
    }

    @Test
    void leavingTheGroupInEntraTakesItsPermissionsAway() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID carol = w.user("carol");
        UUID team = w.groupWith("Team", carol);
        w.grantGroup(team, Permission.MANAGE_COMPANY_SETTINGS);

        w.removeMember(team, carol);

        assertThat(policy.permissionsOf(w.company, carol)).isEmpty();
    }

    @Test
    void deactivatedUserHasNoPermissions() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID dave = w.user("dave");
        w.grantUser(dave, CompanyRole.ADMINISTRATOR);

        w.deactivate(dave);

        assertThat(policy.permissionsOf(w.company, dave)).isEmpty();
    }

    @Test
    void groupGrantsStopCountingWhenThePlanLosesUserGroups() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID erin = w.user("erin");
        w.grantGroup(w.groupWith("Team", erin), Permission.MANAGE_USER_GROUPS);
        w.grantUser(erin, Permission.MANAGE_USERS);

        operator().call("PATCH", "/companies/" + w.id, "{\"plan\":\"standard\"}");
        assertThat(policy.permissionsOf(w.company, erin)).containsExactly(Permission.MANAGE_USERS);

        operator().call("PATCH", "/companies/" + w.id, "{\"plan\":\"premium\"}");
        assertThat(policy.permissionsOf(w.company, erin))
                .containsExactlyInAnyOrder(Permission.MANAGE_USERS, Permission.MANAGE_USER_GROUPS);
    }

    @Test
    void grantingToAGroupNeedsTheUserGroupsFeature() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID team = w.group("Team");
        operator().call("PATCH", "/companies/" + w.id, "{\"plan\":\"standard\"}");

        assertThatThrownBy(() -> roles.grant(w.company, Actor.OPERATOR, Grantee.group(team), Permission.MANAGE_USERS))
                .isInstanceOf(FeatureNotInPlanException.class)
                .hasMessageContaining("premium feature");
    }

    @Test
    void nobodyGrantsMoreThanTheyHoldSoOnlyAdministratorsMakeAdministrators() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID manager = w.user("manager");
        UUID target = w.user("target");
        w.grantUser(manager, Permission.MANAGE_USERS);

        assertThatThrownBy(() -> roles.grant(w.company, Actor.user(manager), Grantee.user(target),
                CompanyRole.ADMINISTRATOR))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.missing()).isEqualTo(Permission.MANAGE_COMPANY_SETTINGS));
        assertThat(policy.permissionsOf(w.company, target)).isEmpty();

        UUID admin = w.user("admin");
        w.grantUser(admin, CompanyRole.ADMINISTRATOR);
        assertThat(roles.grant(w.company, Actor.user(admin), Grantee.user(target), CompanyRole.ADMINISTRATOR))
                .isTrue();
        assertThat(policy.permissionsOf(w.company, target)).isEqualTo(EnumSet.allOf(Permission.class));
    }

    @Test
    void grantingTwiceAndRevokingNothingChangeNothing() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID frank = w.user("frank");

        assertThat(roles.grant(w.company, Actor.OPERATOR, Grantee.user(frank), Permission.MANAGE_USERS)).isTrue();
        assertThat(roles.grant(w.company, Actor.OPERATOR, Grantee.user(frank), Permission.MANAGE_USERS)).isFalse();
        assertThat(roles.revoke(w.company, Actor.OPERATOR, Grantee.user(frank), Permission.MANAGE_USERS)).isTrue();
        assertThat(roles.revoke(w.company, Actor.OPERATOR, Grantee.user(frank), Permission.MANAGE_USERS)).isFalse();
        assertThat(policy.permissionsOf(w.company, frank)).isEmpty();
    }

    @Test
    void deletingAGroupInEntraDeletesItsGrants() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID gina = w.user("gina");
        UUID team = w.groupWith("Team", gina);
        w.grantGroup(team, CompanyRole.ADMINISTRATOR);

        w.deleteGroup(team);

        assertThat(policy.permissionsOf(w.company, gina)).isEmpty();
        assertThat(roles.grants(w.company, Actor.OPERATOR)).isEmpty();
    }
}
