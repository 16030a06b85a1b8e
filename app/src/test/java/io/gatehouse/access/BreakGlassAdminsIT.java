package io.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.directory.DirectoryLock;
import io.gatehouse.directory.Source;
import io.gatehouse.directory.UserRecord;
import io.gatehouse.directory.UserRepository;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The operator API's break-glass administrators: POST/GET/DELETE /operator/v1/companies/{id}/admins. */
class BreakGlassAdminsIT extends IntegrationTest {

    @Autowired
    UserRepository users;
    @Autowired
    AccessPolicy policy;
    @Autowired
    DirectoryLock lock;
    @Autowired
    JdbcClient jdbc;

    @Test
    void createsALocalAdministratorWithASetupLinkEvenWhileEntraManagesTheDirectory() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        assertThat(lock.managedByIdentityProvider(w.company)).isTrue();

        Http.Response r = createAdmin(w.id, "{\"email\":\"Ada@Contoso.test\",\"displayName\":\"Ada Admin\"}");

        assertThat(r.status()).isEqualTo(201);
        UUID userId = UUID.fromString(r.json().path("userId").asString());
        assertThat(r.json().path("created").asBoolean()).isTrue();
        String link = r.json().path("setupLink").asString();
        assertThat(link).matches("https://gatehouse\\.test/setup/gh_setup_[A-Za-z0-9_-]{43}");
        assertThat(Instant.parse(r.json().path("expiresAt").asString()))
                .isBetween(Instant.now().plus(Duration.ofDays(7)).minusSeconds(60), Instant.now().plus(Duration.ofDays(7)));
        UserRecord user = users.find(w.company, userId).orElseThrow();
        assertThat(user.source()).isEqualTo(Source.LOCAL);
        assertThat(user.userName()).isEqualTo("Ada@Contoso.test");
        assertThat(user.resource().path("displayName").asString()).isEqualTo("Ada Admin");
        assertThat(user.resource().path("emails").get(0).path("value").asString()).isEqualTo("Ada@Contoso.test");
        assertThat(policy.permissionsOf(w.company, userId)).containsExactlyInAnyOrder(Permission.values());
    }

    @Test
    void storesOnlyTheHashOfTheSetupToken() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        String link = createAdmin(w.id, "{\"email\":\"hash@contoso.test\"}").json().path("setupLink").asString();
        String token = link.substring(link.lastIndexOf('/') + 1);

        String stored = jdbc.sql("SELECT token_hash FROM setup_link WHERE company_id = ?").param(w.company.value())
                .query(String.class).single();

        assertThat(stored).isEqualTo(SetupToken.hash(token)).doesNotContain(token.substring(9));
    }

    @Test
    void reusesTheLocalUserWithThatUserNameAndReplacesItsLink() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        JsonNode first = createAdmin(w.id, "{\"email\":\"ada@contoso.test\"}").json();

        Http.Response again = createAdmin(w.id, "{\"email\":\"ADA@contoso.test\"}");

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("userId").asString()).isEqualTo(first.path("userId").asString());
        assertThat(again.json().path("created").asBoolean()).isFalse();
        assertThat(again.json().path("setupLink").asString()).isNotEqualTo(first.path("setupLink").asString());
        assertThat(adminsOf(w.id).path("admins").size()).isEqualTo(1);
    }

    @Test
    void refusesTheUserNameOfAProvisionedUser() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        w.scim.createUser("entra.user@contoso.test");

        Http.Response r = createAdmin(w.id, "{\"email\":\"entra.user@contoso.test\"}");

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().path("detail").asString()).contains("provisioned by the company's identity provider");
    }

    @Test
    void refusesBadInputWith400AndUnknownCompanyWith404() {
        AccessWorld w = AccessWorld.premium(operator(), http());

        assertThat(createAdmin(w.id, "{\"email\":\"not an email\"}").status()).isEqualTo(400);
        assertThat(createAdmin(w.id, "{\"displayName\":\"No email\"}").status()).isEqualTo(400);
        assertThat(operator().call("POST", "/companies/" + w.id + "/admins", null).status()).isEqualTo(400);
        assertThat(createAdmin(UUID.randomUUID().toString(), "{\"email\":\"a@b.test\"}").status()).isEqualTo(404);
        assertThat(adminsOf(w.id).path("admins").size()).isZero();
    }

    @Test
    void listsAdministratorsWithHowTheyHoldTheRole() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        createAdmin(w.id, "{\"email\":\"breakglass@contoso.test\"}");
        UUID direct = w.user("direct");
        UUID member = w.user("member");
        UUID admins = w.groupWith("Admins", member);
        w.grantUser(direct, CompanyRole.ADMINISTRATOR);
        w.grantGroup(admins, CompanyRole.ADMINISTRATOR);
        w.grantUser(w.user("not-admin"), Permission.MANAGE_USERS);

        JsonNode list = adminsOf(w.id).path("admins");

        assertThat(list.size()).isEqualTo(3);
        JsonNode breakGlass = find(list, "breakglass@contoso.test");
        assertThat(breakGlass.path("breakGlass").asBoolean()).isTrue();
        assertThat(breakGlass.path("source").asString()).isEqualTo("LOCAL");
        assertThat(breakGlass.path("localPasswordSet").asBoolean()).isFalse();
        JsonNode viaGroup = find(list, users.find(w.company, member).orElseThrow().userName());
        assertThat(viaGroup.path("direct").asBoolean()).isFalse();
        assertThat(viaGroup.path("viaGroups").get(0).asString()).startsWith("Admins");
        assertThat(viaGroup.path("breakGlass").asBoolean()).isFalse();
    }

    @Test
    void retiringABreakGlassAdministratorKeepsTheUserButRemovesRoleAndLinks() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID userId = UUID.fromString(createAdmin(w.id, "{\"email\":\"old@contoso.test\"}").json()
                .path("userId").asString());
        w.grantUser(w.user("keeper"), CompanyRole.ADMINISTRATOR); // the last one is never retired

        assertThat(operator().call("DELETE", "/companies/" + w.id + "/admins/" + userId, null).status())
                .isEqualTo(204);

        assertThat(users.find(w.company, userId)).isPresent();
        assertThat(policy.permissionsOf(w.company, userId)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM setup_link WHERE user_id = ?").param(userId).query(Long.class)
                .single()).isZero();
        assertThat(operator().call("DELETE", "/companies/" + w.id + "/admins/" + userId, null).status())
                .isEqualTo(404);
    }

    @Test
    void grantsAndRevokesRolesThroughTheOperatorApi() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID alice = w.user("alice");
        UUID team = w.groupWith("Team", alice);
        String base = "/companies/" + w.id + "/roles/";

        assertThat(operator().call("PUT", base + "groups/" + team + "/manage_user_groups", null).status())
                .isEqualTo(204);
        assertThat(operator().call("PUT", base + "users/" + alice + "/Administrator", null).status()).isEqualTo(204);
        JsonNode grants = operator().call("GET", "/companies/" + w.id + "/roles", null).json();
        assertThat(grants.size()).isEqualTo(2);
        assertThat(grants.get(0).path("grantee").path("type").asString()).isEqualTo("user");
        assertThat(grants.get(0).path("grant").asString()).isEqualTo("ADMINISTRATOR");
        assertThat(grants.get(1).path("grantee").path("type").asString()).isEqualTo("group");
        w.grantUser(w.user("keeper"), CompanyRole.ADMINISTRATOR); // the last one is never revoked

        assertThat(operator().call("DELETE", base + "users/" + alice + "/administrator", null).status())
                .isEqualTo(204);
        assertThat(operator().call("GET", "/companies/" + w.id + "/users/" + alice + "/permissions", null).json()
                .path("permissions").toString()).isEqualTo("[\"MANAGE_USER_GROUPS\"]");
    }

    @Test
    void rejectsUnknownGrantsUnknownGranteesAndGroupGrantsWithoutTheFeature() {
        AccessWorld w = AccessWorld.premium(operator(), http());
        UUID alice = w.user("alice");
        UUID team = w.group("Team");
        operator().call("PATCH", "/companies/" + w.id, "{\"plan\":\"standard\"}");
        String base = "/companies/" + w.id + "/roles/";

        Http.Response unknown = operator().call("PUT", base + "users/" + alice + "/superuser", null);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("detail").asString()).contains("administrator", "manage_users");
        Http.Response notInPlan = operator().call("PUT", base + "groups/" + team + "/manage_users", null);
        assertThat(notInPlan.status()).isEqualTo(403);
        assertThat(notInPlan.json().path("detail").asString()).contains("premium feature");
        assertThat(operator().call("PUT", base + "groups/" + UUID.randomUUID() + "/manage_users", null).status())
                .isEqualTo(404);
        assertThat(operator().call("PUT", base + "teams/" + alice + "/manage_users", null).status()).isEqualTo(404);
        assertThat(operator().call("PUT", base + "users/not-a-uuid/manage_users", null).status()).isEqualTo(404);
    }

    private Http.Response createAdmin(String companyId, String body) {
        return operator().call("POST", "/companies/" + companyId + "/admins", body);
    }

    private JsonNode adminsOf(String companyId) {
        return operator().call("GET", "/companies/" + companyId + "/admins", null).json();
    }

    private static JsonNode find(JsonNode list, String userName) {
        for (JsonNode n : list) {
            if (n.path("userName").asString().equalsIgnoreCase(userName)) {
                return n;
            }
        }
        throw new AssertionError(userName + " not in " + list);
    }
}
