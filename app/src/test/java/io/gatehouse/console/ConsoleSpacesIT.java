package io.gatehouse.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.Scim;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Spaces page: list with who has access, create, rename, archive and restore; permissions and CSRF. */
class ConsoleSpacesIT extends ConsoleIntegrationTest {

    private static final Pattern RENAME = Pattern.compile("action=\"/console/spaces/([0-9a-f-]+)/rename\"");

    @Test
    void anAdministratorCreatesRenamesArchivesAndRestoresASpace() {
        TestCompany company = companyWithAdmin("premium");
        WebClient admin = signedInAdmin(company);
        assertThat(admin.get("/console/spaces").body()).contains("No Spaces yet").contains("href=\"/console/spaces\"");

        assertThat(admin.postWithCsrf("/console/spaces", "/console/spaces/create", Map.of("name", "Finance"))
                .status()).isEqualTo(302);
        String page = admin.get("/console/spaces").body();
        assertThat(page).contains("Finance").contains("Nobody yet");
        Matcher m = RENAME.matcher(page);
        assertThat(m.find()).isTrue();
        String id = m.group(1);

        assertThat(admin.postWithCsrf("/console/spaces", "/console/spaces/" + id + "/rename",
                Map.of("name", "Finance & Tax")).status()).isEqualTo(302);
        assertThat(admin.get("/console/spaces").body()).contains("Finance &amp; Tax");

        assertThat(admin.postWithCsrf("/console/spaces", "/console/spaces/" + id + "/archive", Map.of()).status())
                .isEqualTo(302);
        assertThat(admin.get("/console/spaces").body()).contains("Archived").contains("/restore");
        assertThat(admin.postWithCsrf("/console/spaces", "/console/spaces/" + id + "/restore", Map.of()).status())
                .isEqualTo(302);
        assertThat(admin.get("/console/spaces").body()).doesNotContain("Archived").contains("/archive");

        assertThat(admin.postWithCsrf("/console/spaces", "/console/spaces/create", Map.of("name", " ")).status())
                .isEqualTo(400);
        assertThat(admin.postWithCsrf("/console/spaces", "/console/spaces/not-an-id/archive", Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void thePageShowsWhoHasAccess() {
        String company = operator().createCompany("Spaces " + System.nanoTime(), "premium");
        connectTestIdp(company);
        Scim scim = scim(company);
        String adminName = "space-admin@contoso.test";
        grant(company, scim.createUser(adminName), "administrator");
        String groupId = scim.createGroup("Auditors");
        WebClient admin = ssoUser(company, adminName);
        admin.postWithCsrf("/console/spaces", "/console/spaces/create", Map.of("name", "Ledger"));
        Matcher m = RENAME.matcher(admin.get("/console/spaces").body());
        assertThat(m.find()).isTrue();

        assertThat(admin.postWithCsrf("/console/groups/" + groupId, "/console/groups/" + groupId + "/spaces",
                Map.of("spaceId", m.group(1), "role", "EDITOR")).status()).isEqualTo(302);

        assertThat(admin.get("/console/spaces").body()).contains("Auditors (Group, Editor)");
    }

    @Test
    void theSpacesPageAndItsActionsNeedManageCompanySettings() {
        String company = operator().createCompany("Spaces perm " + System.nanoTime(), "premium");
        connectTestIdp(company);
        Scim scim = scim(company);
        grant(company, scim.createUser("settings@contoso.test"), "manage_company_settings");
        grant(company, scim.createUser("users@contoso.test"), "manage_users");
        WebClient settings = ssoUser(company, "settings@contoso.test");
        WebClient users = ssoUser(company, "users@contoso.test");
        settings.postWithCsrf("/console/spaces", "/console/spaces/create", Map.of("name", "Kept"));
        Matcher m = RENAME.matcher(settings.get("/console/spaces").body());
        assertThat(m.find()).isTrue();
        String id = m.group(1);

        Http.Response denied = users.get("/console/spaces");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body()).contains("Access denied");
        assertThat(users.get("/console").body()).doesNotContain("href=\"/console/spaces\"");
        assertThat(users.postWithCsrf("/console", "/console/spaces/create", Map.of("name", "Nope")).status())
                .isEqualTo(403);
        assertThat(users.postWithCsrf("/console", "/console/spaces/" + id + "/rename", Map.of("name", "Nope"))
                .status()).isEqualTo(403);
        assertThat(users.postWithCsrf("/console", "/console/spaces/" + id + "/archive", Map.of()).status())
                .isEqualTo(403);
        assertThat(users.postWithCsrf("/console", "/console/spaces/" + id + "/restore", Map.of()).status())
                .isEqualTo(403);

        String page = settings.get("/console/spaces").body();
        assertThat(page).contains("Kept").doesNotContain("Nope").doesNotContain("Archived");
    }

    @Test
    void anotherCompanysSpaceIsNotFound() {
        TestCompany other = companyWithAdmin("premium");
        WebClient otherAdmin = signedInAdmin(other);
        otherAdmin.postWithCsrf("/console/spaces", "/console/spaces/create", Map.of("name", "Theirs"));
        Matcher m = RENAME.matcher(otherAdmin.get("/console/spaces").body());
        assertThat(m.find()).isTrue();
        WebClient admin = signedInAdmin(companyWithAdmin("premium"));

        assertThat(admin.postWithCsrf("/console/spaces", "/console/spaces/" + m.group(1) + "/archive", Map.of())
                .status()).isEqualTo(404);
        assertThat(otherAdmin.get("/console/spaces").body()).doesNotContain("Archived");
    }

    @Test
    void theSpacesFormsNeedTheCsrfToken() {
        TestCompany company = companyWithAdmin("premium");
        WebClient admin = signedInAdmin(company);
        admin.postWithCsrf("/console/spaces", "/console/spaces/create", Map.of("name", "Base"));
        Matcher m = RENAME.matcher(admin.get("/console/spaces").body());
        assertThat(m.find()).isTrue();
        String id = m.group(1);

        assertThat(admin.post("/console/spaces/create", Map.of("name", "Planted")).status()).isEqualTo(403);
        assertThat(admin.post("/console/spaces/" + id + "/rename", Map.of("name", "Planted")).status()).isEqualTo(403);
        assertThat(admin.post("/console/spaces/" + id + "/archive", Map.of()).status()).isEqualTo(403);
        admin.postWithCsrf("/console/spaces", "/console/spaces/" + id + "/archive", Map.of());
        assertThat(admin.post("/console/spaces/" + id + "/restore", Map.of()).status()).isEqualTo(403);

        String page = admin.get("/console/spaces").body();
        assertThat(page).doesNotContain("Planted").contains("Base").contains("Archived");
    }
}
