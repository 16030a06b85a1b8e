package io.gatehouse.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.Scim;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Each console page against each permission, for users signed in by SSO; and other companies' ids. */
class ConsolePermissionsIT extends ConsoleIntegrationTest {

    /** Page → the permission it needs (lower-case, as the operator API names it). */
    private static final Map<String, String> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("/console/settings/sso", "manage_company_settings");
        PAGES.put("/console/provisioning", "manage_company_settings");
        PAGES.put("/console/users", "manage_users");
        PAGES.put("/console/groups", "manage_user_groups");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "manage_company_settings", "manage_users", "manage_user_groups"})
    void eachPageNeedsItsOwnPermission(String permission) {
        String company = operator().createCompany("Perm " + System.nanoTime(), "premium");
        connectTestIdp(company);
        Scim scim = scim(company);
        String userName = permission.replace('_', '-') + "@contoso.test";
        String userId = scim.createUser(userName);
        if (!permission.equals("none")) {
            grant(company, userId, permission);
        }
        WebClient web = ssoUser(company, userName);

        assertThat(web.get("/console").status()).isEqualTo(200);
        PAGES.forEach((page, needed) -> {
            Http.Response r = web.get(page);
            if (needed.equals(permission)) {
                assertThat(r.status()).as(page).isEqualTo(200);
            } else {
                assertThat(r.status()).as(page).isEqualTo(403);
                assertThat(r.body()).as(page).contains("Access denied");
            }
        });
        Http.Response invite = web.postWithCsrf("/console", "/console/users/invite", Map.of("email", "x@contoso.test"));
        assertThat(invite.status()).isEqualTo(permission.equals("manage_users") ? 409 : 403);
        Http.Response space = web.postWithCsrf("/console", "/console/spaces", Map.of("name", "S " + permission));
        assertThat(space.status()).isEqualTo(permission.equals("manage_company_settings") ? 302 : 403);
    }

    @Test
    void theAdministratorRoleOpensEveryPageAndTheSecurityHeadersAreSet() {
        TestCompany company = companyWithAdmin("premium");
        WebClient admin = signedInAdmin(company);

        for (String page : PAGES.keySet()) {
            Http.Response r = admin.get(page);
            assertThat(r.status()).as(page).isEqualTo(200);
            assertThat(r.header("Content-Security-Policy")).as(page).contains("frame-ancestors 'none'");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        assertThat(client().get(company.setupPath()).header("Content-Security-Policy")).contains("default-src 'self'");
    }

    @Test
    void anotherCompanysIdsAreNotFound() {
        TestCompany mine = companyWithAdmin("premium");
        WebClient admin = signedInAdmin(mine);
        String other = operator().createCompany("Other " + System.nanoTime(), "premium");
        Scim otherScim = scim(other);
        String otherGroup = otherScim.createGroup("Other Finance");
        String otherUser = otherScim.createUser("victim@other.test");
        operator().call("PATCH", "/companies/" + other, "{\"provisioningEnabled\":false}");

        assertThat(admin.get("/console/groups/" + otherGroup).status()).isEqualTo(404);
        assertThat(admin.get("/console/groups/not-a-uuid").status()).isEqualTo(404);
        assertThat(admin.postWithCsrf("/console", "/console/users/" + otherUser + "/deactivate", Map.of()).status())
                .isEqualTo(404);
        assertThat(admin.postWithCsrf("/console", "/console/groups/" + otherGroup + "/spaces",
                Map.of("spaceId", otherGroup, "role", "VIEWER")).status()).isEqualTo(404);
        assertThat(admin.get("/console/users?q=victim").body()).doesNotContain("victim@other.test");
    }
}
