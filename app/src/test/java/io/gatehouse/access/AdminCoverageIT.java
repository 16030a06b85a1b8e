package io.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.directory.UserRepository;
import io.gatehouse.support.EntraBodies;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Scim;
import io.gatehouse.tenancy.CompanyId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "A company can never lose its last administrator through provisioning": the coverage warning, and SCIM
 * being unable to delete or deactivate the break-glass administrator.
 */
class AdminCoverageIT extends IntegrationTest {

    static final String PASSWORD = "correct horse battery staple";

    @Autowired
    AdminCoverage coverage;
    @Autowired
    AccessPolicy policy;
    @Autowired
    UserRepository users;
    @Autowired
    SetupLinks links;
    @Autowired
    LocalLogin login;
    @Autowired
    CompanyRoles roles;

    @Test
    void companyWithoutAnyAdministratorIsWarnedAbout() {
        String id = operator().createCompany("Empty " + System.nanoTime(), "premium");

        AdminCoverage.Coverage c = coverage.check(CompanyId.parse(id).orElseThrow());

        assertThat(c.localAdmins()).isZero();
        assertThat(c.provisionedAdmins()).isZero();
        assertThat(c.warning()).isEqualTo(AdminCoverage.NO_ADMIN);
    }

    @Test
    void breakGlassAloneIsEnoughUntilEntraManagesTheDirectory() {
        String id = operator().createCompany("Local " + System.nanoTime(), "premium");
        operator().call("POST", "/companies/" + id + "/admins", "{\"email\":\"" + AccessWorld.email("bg") + "\"}");

        AdminCoverage.Coverage c = coverage.check(CompanyId.parse(id).orElseThrow());

        assertThat(c.localAdmins()).isEqualTo(1);
        assertThat(c.managedByIdentityProvider()).isFalse();
        assertThat(c.warning()).isNull();
    }

    @Test
    void warnsWhileNoProvisionedUserIsAnAdministrator() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        w.breakGlassAdmin(AccessWorld.email("bg"));
        UUID alice = w.user("alice");

        assertThat(coverage.check(w.company).warning()).isEqualTo(AdminCoverage.NO_PROVISIONED_ADMIN);
        assertThat(operator().call("GET", "/companies/" + w.id + "/admins", null).json()
                .path("coverage").path("warning").asString()).contains("Assign at least one organization admin");

        w.grantUser(alice, CompanyRole.ADMINISTRATOR);

        AdminCoverage.Coverage c = coverage.check(w.company);
        assertThat(c.localAdmins()).isEqualTo(1);
        assertThat(c.provisionedAdmins()).isEqualTo(1);
        assertThat(c.warning()).isNull();
    }

    @Test
    void warningReturnsWhenEntraRemovesTheLastProvisionedAdministrator() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        w.breakGlassAdmin(AccessWorld.email("bg"));
        UUID alice = w.user("alice");
        UUID bob = w.user("bob");
        UUID admins = w.groupWith("Admins", alice, bob);
        w.grantGroup(admins, CompanyRole.ADMINISTRATOR);
        assertThat(coverage.check(w.company).provisionedAdmins()).isEqualTo(2);

        w.removeMember(admins, alice);
        assertThat(coverage.check(w.company).provisionedAdmins()).isEqualTo(1);
        w.deactivate(bob);

        AdminCoverage.Coverage c = coverage.check(w.company);
        assertThat(c.provisionedAdmins()).isZero();
        assertThat(c.localAdmins()).isEqualTo(1);
        assertThat(c.warning()).isEqualTo(AdminCoverage.NO_PROVISIONED_ADMIN);
    }

    @Test
    void deletingTheAdminGroupInEntraLeavesTheBreakGlassAdministrator() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        AccessWorld.Admin bg = w.breakGlassAdmin(AccessWorld.email("bg"));
        UUID admins = w.groupWith("Admins", w.user("alice"));
        w.grantGroup(admins, CompanyRole.ADMINISTRATOR);

        w.deleteGroup(admins);

        AdminCoverage.Coverage c = coverage.check(w.company);
        assertThat(c.provisionedAdmins()).isZero();
        assertThat(c.localAdmins()).isEqualTo(1);
        assertThat(policy.permissionsOf(w.company, bg.userId())).containsExactlyInAnyOrder(Permission.values());
    }

    @Test
    void entraCannotDeleteOrDeactivateTheBreakGlassAdministratorItMatchedByUserName() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        AccessWorld.Admin bg = w.breakGlassAdmin(AccessWorld.email("it.admin"));
        links.redeem(bg.token(), PASSWORD);
        // Entra matches an existing account by userName before creating one, then manages what it found.
        String found = w.scim.get("/Users?filter=" + Scim.filter("userName eq \"" + bg.userName() + "\""))
                .json().path("Resources").get(0).path("id").asString();
        assertThat(found).isEqualTo(bg.userId().toString());

        Http.Response deactivate = w.scim.patch("/Users/" + found, EntraBodies.patch(
                "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]"));
        Http.Response delete = w.scim.delete("/Users/" + found);

        assertThat(deactivate.status()).isEqualTo(400);
        assertThat(deactivate.json().path("scimType").asString()).isEqualTo("mutability");
        assertThat(delete.status()).isEqualTo(400);
        assertThat(delete.json().path("scimType").asString()).isEqualTo("mutability");
        assertThat(users.find(w.company, bg.userId())).get().satisfies(u -> assertThat(u.active()).isTrue());
        assertThat(coverage.check(w.company).localAdmins()).isEqualTo(1);
        assertThat(login.authenticate(bg.userName(), PASSWORD)).isPresent();
    }

    @Test
    void entraMayStillUpdateTheProfileOfTheBreakGlassAdministrator() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        AccessWorld.Admin bg = w.breakGlassAdmin(AccessWorld.email("it.admin"));

        Http.Response r = w.scim.patch("/Users/" + bg.userId(), EntraBodies.patch(
                "[{\"op\":\"Add\",\"path\":\"externalId\",\"value\":\"entra-object-id\"}]"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(coverage.check(w.company).localAdmins()).isEqualTo(1);
    }

    @Test
    void onceRetiredByTheSupportTeamEntraMayRemoveTheAccount() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        AccessWorld.Admin bg = w.breakGlassAdmin(AccessWorld.email("leaver"));
        w.grantUser(w.user("keeper"), CompanyRole.ADMINISTRATOR); // the last one is never retired
        operator().call("DELETE", "/companies/" + w.id + "/admins/" + bg.userId(), null);

        assertThat(w.scim.delete("/Users/" + bg.userId()).status()).isEqualTo(204);
        assertThat(users.find(w.company, bg.userId())).isEmpty();
    }

    @Test
    void companyAdministratorsCannotStripTheBreakGlassAdministrator() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        AccessWorld.Admin bg = w.breakGlassAdmin(AccessWorld.email("bg"));
        UUID alice = w.user("alice");
        w.grantUser(alice, CompanyRole.ADMINISTRATOR);

        assertThatThrownBy(() -> roles.revoke(w.company,
                        Actor.user(alice), Grantee.user(bg.userId()), CompanyRole.ADMINISTRATOR))
                .isInstanceOf(ProtectedAdminException.class);
        assertThat(coverage.check(w.company).localAdmins()).isEqualTo(1);
    }
}
