package io.gatehouse.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.audit.AuditLog;
import io.gatehouse.support.Http;
import io.gatehouse.support.Scim;
import io.gatehouse.tenancy.CompanyId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Rotating and revoking SCIM tokens and switching provisioning from the console's Provisioning page. */
class ConsoleProvisioningActionsIT extends ConsoleIntegrationTest {

    @Autowired
    AuditLog audit;

    private static final Pattern NEW_TOKEN = Pattern.compile("id=\"new-token\">([^<]+)<");
    private static final Pattern REVOKE = Pattern.compile("action=\"(/console/provisioning/tokens/[0-9a-f-]+/revoke)\"");

    @Test
    void rotateShowsTheNewTokenOnceAndBothTokensWorkUntilTheOldOneIsRevoked() {
        TestCompany company = companyWithAdmin("premium");
        String oldToken = operator().issueScimToken(company.id());
        WebClient admin = signedInAdmin(company);

        Http.Response posted = admin.postWithCsrf("/console/provisioning", "/console/provisioning/tokens", Map.of());
        assertThat(posted.status()).as("post/redirect/get: 303 See Other").isEqualTo(303);
        assertThat(posted.header("Location")).endsWith("/console/provisioning");
        Http.Response rotated = admin.get("/console/provisioning");
        Matcher m = NEW_TOKEN.matcher(rotated.body());
        assertThat(m.find()).isTrue();
        String newToken = m.group(1);
        assertThat(newToken).isNotEqualTo(oldToken);
        assertThat(rotated.body()).contains("shown only this once").contains("keep working until you revoke");

        Http.Response again = admin.get("/console/provisioning");
        assertThat(again.body()).doesNotContain(newToken).doesNotContain("id=\"new-token\"");
        assertThat(new Scim(http(), oldToken).get("/Users").status()).isEqualTo(200);
        assertThat(new Scim(http(), newToken).get("/Users").status()).isEqualTo(200);

        Matcher revoke = REVOKE.matcher(again.body());
        assertThat(revoke.find()).isTrue();
        String first = revoke.group(1);
        assertThat(admin.postWithCsrf("/console/provisioning", first, Map.of()).status()).isEqualTo(302);
        int ok = 0;
        for (String token : new String[] {oldToken, newToken}) {
            int status = new Scim(http(), token).get("/Users").status();
            assertThat(status).isIn(200, 401);
            ok += status == 200 ? 1 : 0;
        }
        assertThat(ok).as("exactly one token was revoked, at once").isEqualTo(1);
        assertThat(admin.get("/console/provisioning").body()).contains("Revoked");

        String audit = String.join("\n", auditActions(company.id()));
        assertThat(audit).contains("SCIM_TOKEN_ISSUED").contains("SCIM_TOKEN_REVOKED").doesNotContain(newToken);
    }

    @Test
    void revokingTheOnlyTokenMakesScimFailAtOnce() {
        TestCompany company = companyWithAdmin("premium");
        String token = operator().issueScimToken(company.id());
        WebClient admin = signedInAdmin(company);
        Matcher revoke = REVOKE.matcher(admin.get("/console/provisioning").body());
        assertThat(revoke.find()).isTrue();

        assertThat(admin.postWithCsrf("/console/provisioning", revoke.group(1), Map.of()).status()).isEqualTo(302);

        assertThat(new Scim(http(), token).get("/Users").status()).isEqualTo(401);
    }

    @Test
    void anotherCompanysTokenIsNotFoundAndStaysValid() {
        TestCompany mine = companyWithAdmin("premium");
        WebClient admin = signedInAdmin(mine);
        TestCompany other = companyWithAdmin("premium");
        String otherToken = operator().issueScimToken(other.id());
        WebClient otherAdmin = signedInAdmin(other);
        Matcher revoke = REVOKE.matcher(otherAdmin.get("/console/provisioning").body());
        assertThat(revoke.find()).isTrue();

        assertThat(admin.postWithCsrf("/console/provisioning", revoke.group(1), Map.of()).status()).isEqualTo(404);
        assertThat(admin.postWithCsrf("/console/provisioning", "/console/provisioning/tokens/nope/revoke", Map.of())
                .status()).isEqualTo(404);
        assertThat(new Scim(http(), otherToken).get("/Users").status()).isEqualTo(200);
    }

    @Test
    void switchingProvisioningOffUnlocksTheUsersPage() {
        TestCompany company = companyWithAdmin("premium");
        operator().issueScimToken(company.id());
        WebClient admin = signedInAdmin(company);
        assertThat(admin.get("/console/users").body()).contains("managed-banner");
        assertThat(admin.get("/console/provisioning").body()).contains("unlocks").contains("Switch provisioning off");

        Http.Response off = admin.postWithCsrf("/console/provisioning", "/console/provisioning/switch",
                Map.of("enabled", "false"));
        assertThat(off.status()).isEqualTo(302);

        assertThat(admin.get("/console/users").body()).doesNotContain("managed-banner");
        assertThat(admin.postWithCsrf("/console/users", "/console/users/invite",
                Map.of("email", "local" + System.nanoTime() + "@acme.test")).status()).isEqualTo(302);
        assertThat(admin.get("/console/provisioning").body()).contains("Provisioning is switched off")
                .contains("Switch provisioning on").doesNotContain("Switch provisioning off");

        assertThat(admin.postWithCsrf("/console/provisioning", "/console/provisioning/switch",
                Map.of("enabled", "true")).status()).isEqualTo(302);
        assertThat(admin.get("/console/users").body()).contains("managed-banner");
        assertThat(admin.postWithCsrf("/console/provisioning", "/console/provisioning/switch",
                Map.of("enabled", "maybe")).status()).isEqualTo(400);
        assertThat(String.join("\n", auditActions(company.id()))).contains("PROVISIONING_SWITCHED");
    }

    @Test
    void theActionsNeedManageCompanySettings() {
        String company = operator().createCompany("Prov perm " + System.nanoTime(), "premium");
        connectTestIdp(company);
        String token = operator().issueScimToken(company);
        Scim scim = new Scim(http(), token);
        String userName = "users-only@contoso.test";
        grant(company, scim.createUser(userName), "manage_users");
        WebClient web = ssoUser(company, userName);
        String tokenId = operator().call("GET", "/companies/" + company + "/scim-tokens", null).json()
                .get(0).path("id").asString();

        assertThat(web.postWithCsrf("/console", "/console/provisioning/tokens", Map.of()).status()).isEqualTo(403);
        assertThat(web.postWithCsrf("/console", "/console/provisioning/switch", Map.of("enabled", "false")).status())
                .isEqualTo(403);
        String revokePath = "/console/provisioning/tokens/" + tokenId + "/revoke";
        assertThat(web.postWithCsrf("/console", revokePath, Map.of()).status()).isEqualTo(403);
        assertThat(scim.get("/Users").status()).isEqualTo(200);
        assertThat(web.get("/console/users").body()).contains("managed-banner");
        assertThat(web.get("/console").body()).doesNotContain("href=\"/console/provisioning\"");
    }

    @Test
    void theFormsNeedTheCsrfToken() {
        TestCompany company = companyWithAdmin("premium");
        String token = operator().issueScimToken(company.id());
        WebClient admin = signedInAdmin(company);
        Matcher revoke = REVOKE.matcher(admin.get("/console/provisioning").body());
        assertThat(revoke.find()).isTrue();

        assertThat(admin.post("/console/provisioning/tokens", Map.of()).status()).isEqualTo(403);
        assertThat(admin.post(revoke.group(1), Map.of()).status()).isEqualTo(403);
        assertThat(admin.post("/console/provisioning/switch", Map.of("enabled", "false")).status()).isEqualTo(403);

        assertThat(new Scim(http(), token).get("/Users").status()).isEqualTo(200);
        String page = admin.get("/console/provisioning").body();
        assertThat(page).doesNotContain("Revoked").contains("Provisioning is on.");
        assertThat(REVOKE.matcher(page).results().count()).isEqualTo(1);
    }

    private java.util.List<String> auditActions(String companyId) {
        return audit.recent(CompanyId.parse(companyId).orElseThrow(), 100).stream()
                .map(e -> e.action() + " " + e.actor() + " " + e.detail()).toList();
    }
}
