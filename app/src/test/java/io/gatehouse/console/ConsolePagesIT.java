package io.gatehouse.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.Scim;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the console pages show and do, over HTTP, as a break-glass administrator. */
class ConsolePagesIT extends ConsoleIntegrationTest {

    static final String BANNER = "Users and user groups are managed in Microsoft Entra ID";

    @Test
    void usersAreLockedWhileEntraProvisions() {
        TestCompany company = companyWithAdmin("premium");
        WebClient admin = signedInAdmin(company);
        Scim scim = scim(company.id());
        String provisioned = scim.createUser("bob@contoso.test");

        Http.Response users = admin.get("/console/users");
        assertThat(users.body()).contains(BANNER).contains("bob Example").contains("Microsoft Entra ID")
                .contains(company.adminEmail());
        assertThat(users.body()).containsPattern("id=\"invite-button\" disabled");
        assertThat(users.body()).containsPattern("(?s)Deactivate bob@contoso.test[^>]*disabled|disabled[^>]*Deactivate bob@contoso.test");
        Http.Response invite = admin.postWithCsrf("/console/users", "/console/users/invite",
                Map.of("email", "new@acme.test"));
        assertThat(invite.status()).isEqualTo(409);
        assertThat(invite.body()).contains(BANNER);
        assertThat(admin.postWithCsrf("/console/users", "/console/users/" + provisioned + "/deactivate", Map.of())
                .status()).isEqualTo(409);
    }

    @Test
    void inviteAndDeactivateWorkWhileTheDirectoryIsLocal() {
        TestCompany company = companyWithAdmin("standard");
        WebClient admin = signedInAdmin(company);

        Http.Response invite = admin.postWithCsrf("/console/users", "/console/users/invite",
                Map.of("email", "Carol@Acme.test", "displayName", "Carol Local"));
        assertThat(invite.status()).isEqualTo(302);
        Http.Response list = admin.get("/console/users?q=carol");
        assertThat(list.body()).doesNotContain(BANNER).contains("carol@acme.test").contains("Carol Local")
                .contains("Local").contains("Active");
        String carolId = userIdIn(list.body(), "carol@acme.test");

        Http.Response off = admin.postWithCsrf("/console/users", "/console/users/" + carolId + "/deactivate", Map.of());
        assertThat(off.status()).isEqualTo(302);
        assertThat(admin.get("/console/users?q=carol").body()).contains("Deactivated");
        assertThat(admin.postWithCsrf("/console/users", "/console/users/invite", Map.of("email", "not-an-email"))
                .status()).isEqualTo(400);
        assertThat(admin.postWithCsrf("/console/users", "/console/users/" + company.adminId() + "/deactivate",
                Map.of()).status()).isEqualTo(400);
        assertThat(admin.get("/console/users").status()).isEqualTo(200);
    }

    @Test
    void theBreakGlassAdministratorCannotBeDeactivatedByAnotherAdministrator() {
        TestCompany company = companyWithAdmin("standard");
        WebClient admin = signedInAdmin(company);
        Http.Response second = operator().call("POST", "/companies/" + company.id() + "/admins",
                "{\"email\":\"second@acme.test\"}");
        WebClient other = signedInAdmin(new TestCompany(company.id(), "second@acme.test",
                second.json().path("userId").asString(),
                java.net.URI.create(second.json().path("setupLink").asString()).getPath()));

        Http.Response refused = other.postWithCsrf("/console/users",
                "/console/users/" + company.adminId() + "/deactivate", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("break-glass administrator");
        assertThat(admin.get("/console/users").status()).isEqualTo(200);
    }

    @Test
    void theUsersListIsPagedAndSearchable() {
        TestCompany company = companyWithAdmin("premium");
        WebClient admin = signedInAdmin(company);
        Scim scim = scim(company.id());
        for (int i = 0; i < 30; i++) {
            scim.createUser(String.format("user%02d@contoso.test", i));
        }

        Http.Response first = admin.get("/console/users");
        assertThat(first.body()).contains("(31)").contains("user00@contoso.test").doesNotContain("user29@contoso.test")
                .contains("id=\"next-page\"").doesNotContain("id=\"previous-page\"");
        Http.Response second = admin.get(nextPage(first));
        assertThat(second.body()).contains("(31)").contains("user29@contoso.test").doesNotContain("user00@contoso.test")
                .doesNotContain("id=\"next-page\"").contains("id=\"previous-page\"");
        Http.Response back = admin.get(link(second, "previous-page"));
        assertThat(back.body()).contains("user00@contoso.test").contains("user23@contoso.test")
                .doesNotContain("user29@contoso.test").doesNotContain("id=\"previous-page\"");
        Http.Response search = admin.get("/console/users?q=user1");
        assertThat(search.body()).contains("(10)").contains("user15@contoso.test").doesNotContain("user25@contoso.test");
        assertThat(admin.get("/console/users?q=user07+Example").body()).contains("(1)").contains("user07@contoso.test");
        assertThat(admin.get("/console/users?q=nobody").body()).contains("(0)").contains("No users match");
        assertThat(admin.get("/console/users?q=%25").body()).contains("(0)");
    }

    @Test
    void keysetPagesWalkTheWholeSearchResultWithoutGapsOrRepeats() {
        TestCompany company = companyWithAdmin("premium");
        WebClient admin = signedInAdmin(company);
        Scim scim = scim(company.id());
        for (int i = 0; i < 60; i++) {
            scim.createUser(String.format("walker%02d@contoso.test", i));
        }
        java.util.List<String> seen = new java.util.ArrayList<>();
        Http.Response page = admin.get("/console/users?q=walker");
        while (true) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-user=\"(walker\\d+@contoso.test)\"")
                    .matcher(page.body());
            while (m.find()) {
                seen.add(m.group(1));
            }
            if (!page.body().contains("id=\"next-page\"")) {
                break;
            }
            page = admin.get(nextPage(page));
        }
        assertThat(seen).hasSize(60).doesNotHaveDuplicates().isSorted();
        assertThat(page.body()).contains("(60)");
    }

    @Autowired
    io.gatehouse.directory.UserRepository userRepository;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    @Test
    void aLargeResultSaysMoreThanTheCountCapInsteadOfCountingEveryRow() {
        TestCompany company = companyWithAdmin("premium");
        WebClient admin = signedInAdmin(company);
        io.gatehouse.tenancy.CompanyId id = io.gatehouse.tenancy.CompanyId.parse(company.id()).orElseThrow();
        java.time.Instant now = java.time.Instant.now();
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        // In one transaction, as every write path does: the user's directory event is recorded with it.
        tx.executeWithoutResult(status -> {
            for (int i = 0; i <= ConsoleDirectory.COUNT_CAP; i++) {
                tools.jackson.databind.node.ObjectNode resource = json.createObjectNode();
                resource.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
                resource.put("userName", String.format("bulk%04d@contoso.test", i)).put("active", true)
                        .put("displayName", "Bulk " + i);
                userRepository.insert(new io.gatehouse.directory.UserRecord(java.util.UUID.randomUUID(), id,
                        resource, io.gatehouse.directory.Source.LOCAL, 1, now, now));
            }
        });

        Http.Response all = admin.get("/console/users");
        Http.Response search = admin.get("/console/users?q=bulk");
        Http.Response exact = admin.get("/console/users?q=bulk000");

        assertThat(all.body()).contains("id=\"user-total\">(more than 1,000)<");
        assertThat(search.body()).contains("id=\"user-total\">(more than 1,000)<");
        assertThat(exact.body()).contains("id=\"user-total\">(10)<");
    }

    private static String nextPage(Http.Response page) {
        return link(page, "next-page");
    }

    private static String link(Http.Response page, String id) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"([^\"]+)\"[^>]*id=\"" + id + "\"")
                .matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no " + id + " link in " + page);
        }
        return m.group(1).replace("&amp;", "&");
    }

    @Test
    void groupsNeedThePremiumPlan() {
        TestCompany company = companyWithAdmin("standard");
        WebClient admin = signedInAdmin(company);

        Http.Response groups = admin.get("/console/groups");
        assertThat(groups.status()).isEqualTo(200);
        assertThat(groups.body()).contains("premium feature").contains("Customer Success Manager");
    }

    @Test
    void aProvisionedGroupIsReadOnlyButItsSpacesAreEditableAndReachItsMembers() {
        TestCompany company = companyWithAdmin("premium");
        connectTestIdp(company.id());
        WebClient admin = signedInAdmin(company);
        Scim scim = scim(company.id());
        String dave = scim.createUser("dave@contoso.test");
        String group = scim.createGroup("Finance");
        assertThat(scim.patch("/Groups/" + group, addMember(dave)).status()).isIn(200, 204);
        assertThat(admin.postWithCsrf("/console/groups", "/console/spaces", Map.of("name", "Contracts")).status())
                .isEqualTo(302);

        Http.Response page = admin.get("/console/groups/" + group);
        assertThat(page.body()).contains("Finance").contains("dave@contoso.test")
                .contains("Members are managed in Microsoft Entra ID").contains("Contracts");
        String spaceId = Pattern.compile("name=\"spaceId\" value=\"([^\"]+)\"").matcher(page.body()).results()
                .findFirst().orElseThrow().group(1);
        Http.Response granted = admin.postWithCsrf("/console/groups/" + group, "/console/groups/" + group + "/spaces",
                Map.of("spaceId", spaceId, "role", "EDITOR"));
        assertThat(granted.status()).isEqualTo(302);
        assertThat(admin.get("/console/groups/" + group).body()).containsPattern("value=\"EDITOR\" selected");

        WebClient member = ssoUser(company.id(), "dave@contoso.test");
        assertThat(member.get("/app").body()).contains("Contracts").contains("(Editor)");
        admin.postWithCsrf("/console/groups/" + group, "/console/groups/" + group + "/spaces",
                Map.of("spaceId", spaceId, "role", "NONE"));
        assertThat(member.get("/app").body()).doesNotContain("Contracts").contains("no Spaces yet");
    }

    @Test
    void ssoSettingsShowOurValuesTheUploadedMetadataAndSignInFailures() throws IOException {
        TestCompany company = companyWithAdmin("premium");
        WebClient admin = signedInAdmin(company);
        Http.Response before = admin.get("/console/settings/sso");
        assertThat(before.body()).contains("https://gatehouse.test/saml/" + company.id() + "/metadata")
                .contains("https://gatehouse.test/saml/" + company.id() + "/acs").contains("No identity provider");

        Http.Response upload = admin.postFile("/console/settings/sso/metadata-file", WebClient.csrfToken(before),
                "file", "entra-metadata.xml", fixture("entra-app-metadata-tenant-a9054a0f-2023.xml"));
        assertThat(upload.status()).isEqualTo(200);
        assertThat(upload.body()).contains("https://sts.windows.net/a9054a0f-2011-4e31-b3ac-fd8c354146ec/")
                .contains("https://login.microsoftonline.com/a9054a0f-2011-4e31-b3ac-fd8c354146ec/saml2")
                .contains("CN=Microsoft Azure Federated SSO Certificate").contains("2026-11-16")
                .contains("/saml/" + company.id() + "/login");
        Http.Response bad = admin.postFile("/console/settings/sso/metadata-file",
                WebClient.csrfToken(admin.get("/console/settings/sso")), "file", "x.xml", utf8("<not-metadata/>"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("banner error");

        connectTestIdp(company.id());
        client().post("/saml/" + company.id() + "/acs", Map.of("SAMLResponse",
                signedResponse(company.id(), "stranger@contoso.test")));
        Http.Response log = admin.get("/console/settings/sso");
        assertThat(log.body()).contains("stranger@contoso.test").contains("status-failed");
    }

    @Test
    void ssoSettingsShowTheLogoutUrlAndOurKeysWithWhatEntraMustBeTold() {
        TestCompany company = companyWithAdmin("premium");
        WebClient admin = signedInAdmin(company);
        assertThat(operator().call("POST", "/companies/" + company.id() + "/saml-sp-keys", "{\"use\":\"ENCRYPTION\"}")
                .status()).isEqualTo(201);

        String page = admin.get("/console/settings/sso").body();

        assertThat(page).contains("https://gatehouse.test/saml/" + company.id() + "/slo").contains("id=\"sp-keys\"")
                .contains(">CURRENT<").contains(">NEXT<").contains("Import this certificate in Entra under Token"
                        + " encryption").doesNotContain("PRIVATE KEY");
    }

    @Test
    void provisioningShowsTheTenantUrlTokensLogAndGuide() {
        TestCompany company = companyWithAdmin("premium");
        WebClient admin = signedInAdmin(company);
        assertThat(admin.get("/console/provisioning").body()).contains("Provisioning is switched on and")
                .contains("waits for a secret token").contains("No token").contains("Issue a token")
                .doesNotContain("Provisioning is off");
        Scim scim = scim(company.id());
        scim.createUser("erin@contoso.test");
        scim.get("/Users/00000000-0000-0000-0000-000000000000");

        Http.Response page = admin.get("/console/provisioning");
        assertThat(page.body()).contains("https://gatehouse.test/scim/v2").contains("Provisioning is on")
                .contains("gh_scim_").contains("POST /scim/v2/Users")
                .contains("https://gatehouse.test/saml/" + company.id() + "/acs");
        assertThat(page.body()).containsPattern("id=\"provisioned-users\">1<");
        Http.Response failed = admin.get("/console/provisioning?status=failed");
        assertThat(failed.body()).contains("404").doesNotContain("POST /scim/v2/Users");
    }

    private static String userIdIn(String html, String userName) {
        Matcher m = Pattern.compile("/console/users/([0-9a-f-]{36})/deactivate\"[^<]*<input[^>]*>\\s*<button[^>]*"
                + Pattern.quote(userName)).matcher(html);
        if (!m.find()) {
            throw new AssertionError("no deactivate form for " + userName);
        }
        return m.group(1);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = ConsolePagesIT.class.getResourceAsStream("/saml/metadata/" + name)) {
            return in.readAllBytes();
        }
    }
}
