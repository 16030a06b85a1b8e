package io.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Another company's user, group and Space ids never work: "not found", or simply nothing. */
class AccessTenantIsolationIT extends IntegrationTest {

    @Autowired
    Spaces spaces;
    @Autowired
    AccessPolicy policy;
    @Autowired
    CompanyRoles roles;

    AccessWorld a;
    AccessWorld b;
    UUID userOfB;
    UUID groupOfB;
    Space spaceOfB;

    @BeforeEach
    void twoCompanies() {
        a = AccessWorld.premium(operator(), http());
        b = AccessWorld.premium(operator(), http());
        userOfB = b.user("bertha");
        groupOfB = b.groupWith("B team", userOfB);
        b.grantUser(userOfB, CompanyRole.ADMINISTRATOR);
        spaceOfB = spaces.create(b.company, Actor.OPERATOR, "B only");
        spaces.grant(b.company, Actor.OPERATOR, spaceOfB.id(), Grantee.user(userOfB), SpaceRole.MANAGER);
    }

    @Test
    void operatorRoleEndpointsAnswer404ForAnotherCompanysUserOrGroup() {
        String base = "/companies/" + a.id + "/roles/";

        assertThat(operator().call("PUT", base + "users/" + userOfB + "/administrator", null).status()).isEqualTo(404);
        assertThat(operator().call("PUT", base + "groups/" + groupOfB + "/manage_users", null).status())
                .isEqualTo(404);
        assertThat(operator().call("DELETE", base + "users/" + userOfB + "/administrator", null).status())
                .isEqualTo(404);
        assertThat(operator().call("DELETE", "/companies/" + a.id + "/admins/" + userOfB, null).status())
                .isEqualTo(404);
        assertThat(operator().call("GET", "/companies/" + a.id + "/roles", null).json().size()).isZero();
    }

    @Test
    void anotherCompanysUserHasNoPermissionsAndNoSpacesHere() {
        assertThat(policy.permissionsOf(a.company, userOfB)).isEmpty();
        assertThat(spaces.spacesOf(a.company, userOfB)).isEmpty();
        assertThat(operator().call("GET", "/companies/" + a.id + "/users/" + userOfB + "/permissions", null)
                .status()).isEqualTo(404);
        // ... while in their own company they are an administrator.
        assertThat(policy.permissionsOf(b.company, userOfB)).hasSize(3);
    }

    @Test
    void anotherCompanysSpaceIsNotFound() {
        assertThatThrownBy(() -> spaces.rename(a.company, Actor.OPERATOR, spaceOfB.id(), "Hijacked"))
                .isInstanceOf(NotInCompanyException.class);
        assertThatThrownBy(() -> spaces.archive(a.company, Actor.OPERATOR, spaceOfB.id()))
                .isInstanceOf(NotInCompanyException.class);
        assertThatThrownBy(() -> spaces.grants(a.company, Actor.OPERATOR, spaceOfB.id()))
                .isInstanceOf(NotInCompanyException.class);
        assertThat(spaces.roleIn(a.company, userOfB, spaceOfB.id())).isEmpty();
        assertThat(spaces.all(a.company, Actor.OPERATOR)).isEmpty();
    }

    @Test
    void spacesCannotBeGrantedToAnotherCompanysUserOrGroup() {
        Space spaceOfA = spaces.create(a.company, Actor.OPERATOR, "A only");

        assertThatThrownBy(() -> spaces.grant(a.company, Actor.OPERATOR, spaceOfA.id(), Grantee.user(userOfB),
                SpaceRole.VIEWER)).isInstanceOf(NotInCompanyException.class);
        assertThatThrownBy(() -> spaces.grant(a.company, Actor.OPERATOR, spaceOfA.id(), Grantee.group(groupOfB),
                SpaceRole.VIEWER)).isInstanceOf(NotInCompanyException.class);
        assertThat(spaces.grants(a.company, Actor.OPERATOR, spaceOfA.id())).isEmpty();
    }

    @Test
    void anotherCompanysAdministratorMayDoNothingHere() {
        Space spaceOfA = spaces.create(a.company, Actor.OPERATOR, "A only");
        UUID userOfA = a.user("alice");
        Actor intruder = Actor.user(userOfB);

        assertThatThrownBy(() -> spaces.create(a.company, intruder, "Mine now"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> spaces.archive(a.company, intruder, spaceOfA.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> roles.grant(a.company, intruder, Grantee.user(userOfA), Permission.MANAGE_USERS))
                .isInstanceOf(AccessDeniedException.class);
        // Acting in their own company with the other company's space id: not found.
        assertThatThrownBy(() -> spaces.archive(b.company, intruder, spaceOfA.id()))
                .isInstanceOf(NotInCompanyException.class);
    }
}
