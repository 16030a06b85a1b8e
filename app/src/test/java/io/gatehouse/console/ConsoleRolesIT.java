package io.gatehouse.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.Scim;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Roles and permissions page: grants, granting and revoking, the admin coverage warning; permissions, CSRF. */
class ConsoleRolesIT extends ConsoleIntegrationTest {

    private static final String NO_PROVISIONED_ADMIN = "No user provisioned from Microsoft Entra ID holds the "
            + "Administrator role";

    static boolean hasGrant(String page, String granteeId, String grant) {
        return page.contains("data-grantee=\"" + granteeId + "\" data-grant=\"" + grant + "\"");
    }

    /** The grant is listed with a Revoke button. */
    static boolean revocable(String page, String granteeId, String grant) {
        return Pattern.compile("name=\"grantee\" value=\"" + granteeId + "\">\\s*<input type=\"hidden\" name=\"grant\" "
                + "value=\"" + grant + "\">").matcher(page).find();
    }

    @Test
    void anAdministratorGrantsAndRevokesRolesAndPermissionsAndSeesTheCoverageWarning() {
        TestCompany company = companyWithAdmin("premium");
        WebClient admin = signedInAdmin(company);
        String page = admin.get("/console/roles").body();
        assertThat(page).contains("href=\"/console/roles\"").doesNotContain("coverage-warning");
        assertThat(hasGrant(page, company.adminId(), "ADMINISTRATOR")).isTrue();

        connectTestIdp(company.id());
        Scim scim = scim(company.id());
        String userName = "entra-admin" + System.nanoTime() + "@contoso.test";
        String userId = scim.createUser(userName);
        String groupId = scim.createGroup("Helpdesk");
        assertThat(admin.get("/console/roles").body()).contains("coverage-warning").contains(NO_PROVISIONED_ADMIN);

        assertThat(admin.postWithCsrf("/console/roles", "/console/roles/grant",
                Map.of("granteeKind", "user", "grantee", userName, "grant", "ADMINISTRATOR")).status()).isEqualTo(302);
        assertThat(admin.postWithCsrf("/console/roles", "/console/roles/grant",
                Map.of("granteeKind", "group", "grantee", groupId, "grant", "MANAGE_USER_GROUPS")).status())
                .isEqualTo(302);
        page = admin.get("/console/roles").body();
        assertThat(page).doesNotContain("coverage-warning").contains("Helpdesk");
        assertThat(hasGrant(page, userId, "ADMINISTRATOR")).isTrue();
        assertThat(hasGrant(page, groupId, "MANAGE_USER_GROUPS")).isTrue();
        assertThat(ssoUser(company.id(), userName).get("/console/roles").status()).isEqualTo(200);

        assertThat(admin.postWithCsrf("/console/roles", "/console/roles/revoke",
                Map.of("granteeKind", "user", "grantee", userId, "grant", "ADMINISTRATOR")).status()).isEqualTo(302);
        assertThat(admin.postWithCsrf("/console/roles", "/console/roles/revoke",
                Map.of("granteeKind", "group", "grantee", groupId, "grant", "MANAGE_USER_GROUPS")).status())
                .isEqualTo(302);
        page = admin.get("/console/roles").body();
        assertThat(page).contains(NO_PROVISIONED_ADMIN);
        assertThat(hasGrant(page, userId, "ADMINISTRATOR")).isFalse();
        assertThat(hasGrant(page, groupId, "MANAGE_USER_GROUPS")).isFalse();
    }

    @Test
    void badInputAndTheBreakGlassAdministratorAreRefused() {
        TestCompany company = companyWithAdmin("premium");
        WebClient admin = signedInAdmin(company);

        Http.Response protectedRole = admin.postWithCsrf("/console/roles", "/console/roles/revoke",
                Map.of("granteeKind", "user", "grantee", company.adminId(), "grant", "ADMINISTRATOR"));
        assertThat(protectedRole.status()).isEqualTo(409);
        assertThat(protectedRole.body()).contains("its Administrator role cannot be revoked here")
                .doesNotContain("deactivated");
        assertThat(revocable(admin.get("/console/roles").body(), company.adminId(), "ADMINISTRATOR"))
                .as("no Revoke button that would only be refused").isFalse();
        assertThat(admin.postWithCsrf("/console/roles", "/console/roles/grant",
                Map.of("granteeKind", "user", "grantee", "nobody@acme.test", "grant", "MANAGE_USERS")).status())
                .isEqualTo(400);
        assertThat(admin.postWithCsrf("/console/roles", "/console/roles/grant",
                Map.of("granteeKind", "user", "grantee", company.adminId(), "grant", "OWNER")).status())
                .isEqualTo(400);
        assertThat(admin.postWithCsrf("/console/roles", "/console/roles/grant",
                Map.of("granteeKind", "group", "grantee", java.util.UUID.randomUUID().toString(),
                        "grant", "MANAGE_USERS")).status()).isEqualTo(404);
        assertThat(hasGrant(admin.get("/console/roles").body(), company.adminId(), "ADMINISTRATOR")).isTrue();
    }

    @Test
    void thePageAndItsActionsFollowTheGrantersOwnPermissions() {
        String company = operator().createCompany("Roles perm " + System.nanoTime(), "premium");
        connectTestIdp(company);
        Scim scim = scim(company);
        String settingsId = scim.createUser("settings@contoso.test");
        grant(company, settingsId, "manage_company_settings");
        String usersId = scim.createUser("users@contoso.test");
        grant(company, usersId, "manage_users");
        String groupId = scim.createGroup("Ops");
        WebClient settings = ssoUser(company, "settings@contoso.test");
        WebClient users = ssoUser(company, "users@contoso.test");

        Http.Response denied = settings.get("/console/roles");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body()).contains("Access denied");
        assertThat(settings.get("/console").body()).doesNotContain("href=\"/console/roles\"");
        assertThat(settings.postWithCsrf("/console", "/console/roles/grant",
                Map.of("granteeKind", "user", "grantee", settingsId, "grant", "MANAGE_USERS")).status()).isEqualTo(403);
        assertThat(settings.postWithCsrf("/console", "/console/roles/revoke",
                Map.of("granteeKind", "user", "grantee", usersId, "grant", "MANAGE_USERS")).status()).isEqualTo(403);

        assertThat(users.get("/console/roles").status()).isEqualTo(200);
        assertThat(users.postWithCsrf("/console/roles", "/console/roles/grant",
                Map.of("granteeKind", "user", "grantee", usersId, "grant", "ADMINISTRATOR")).status()).isEqualTo(403);
        assertThat(users.postWithCsrf("/console/roles", "/console/roles/grant",
                Map.of("granteeKind", "group", "grantee", groupId, "grant", "MANAGE_USERS")).status()).isEqualTo(403);
        assertThat(users.postWithCsrf("/console/roles", "/console/roles/grant",
                Map.of("granteeKind", "user", "grantee", settingsId, "grant", "MANAGE_USERS")).status()).isEqualTo(302);

        String page = users.get("/console/roles").body();
        assertThat(hasGrant(page, settingsId, "MANAGE_USERS")).isTrue();
        assertThat(hasGrant(page, usersId, "ADMINISTRATOR")).isFalse();
        assertThat(hasGrant(page, groupId, "MANAGE_USERS")).isFalse();
        assertThat(settings.get("/console/roles").status()).isEqualTo(200);
    }

    @Test
    void theRolesFormsNeedTheCsrfToken() {
        TestCompany company = companyWithAdmin("premium");
        WebClient admin = signedInAdmin(company);
        String userId = scim(company.id()).createUser("csrf-roles@contoso.test");

        assertThat(admin.post("/console/roles/grant",
                Map.of("granteeKind", "user", "grantee", userId, "grant", "ADMINISTRATOR")).status()).isEqualTo(403);
        assertThat(admin.post("/console/roles/revoke",
                Map.of("granteeKind", "user", "grantee", company.adminId(), "grant", "ADMINISTRATOR")).status())
                .isEqualTo(403);

        String page = admin.get("/console/roles").body();
        assertThat(hasGrant(page, userId, "ADMINISTRATOR")).isFalse();
        assertThat(hasGrant(page, company.adminId(), "ADMINISTRATOR")).isTrue();
    }
}
