package io.gatehouse.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.Scim;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real headless Chromium, the way the setup guide walks a customer through it: the support
 * team creates the company and its administrator, the administrator signs in with the setup link, connects
 * Entra, provisioning locks the directory, a provisioned group gets a Space, and a member who signs in with SSO
 * sees it. With GATEHOUSE_SCREENSHOTS=&lt;dir&gt; the main pages are saved there as PNG files.
 */
class ConsoleBrowserIT extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    io.gatehouse.access.Spaces spaces;
    @org.springframework.beans.factory.annotation.Autowired
    io.gatehouse.webhooks.WebhookDelivery worker;
    @org.springframework.beans.factory.annotation.Autowired
    io.gatehouse.events.EventPublisher publisher;

    private StubIdp idp;

    @BeforeEach
    void startIdp() throws IOException {
        idp = new StubIdp(base());
    }

    @AfterEach
    void stopIdp() {
        if (idp != null) {
            idp.close();
        }
    }

    @Test
    void fromTheSetupLinkToAMemberSeeingTheGroupsSpace() throws IOException {
        TestCompany company = companyWithAdmin("Acme Corp", "premium", "it-admin" + System.nanoTime() + "@acme.test");

        // The administrator opens the setup link and chooses a password.
        open(company.setupPath());
        assertThat(text("setup-user")).isEqualTo(company.adminEmail());
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("confirm")).sendKeys(PASSWORD);
        clickAndLoad(browser.findElement(By.cssSelector("main form button[type=submit]")));
        waitForPath("/console");
        assertThat(text("signed-in-as")).isEqualTo(company.adminEmail());

        // Signs out and back in with the password form of the login page.
        clickAndLoad(browser.findElement(By.xpath("//button[text()='Sign out']")));
        waitForPath("/login");
        browser.findElement(By.tagName("summary")).click();
        browser.findElement(By.id("local-email")).sendKeys(company.adminEmail());
        browser.findElement(By.id("local-password")).sendKeys(PASSWORD);
        clickAndLoad(browser.findElement(By.id("password-sign-in")));
        waitForPath("/console");

        // Uploads Entra's Federation Metadata XML and reads our values for Entra.
        clickAndLoad(browser.findElement(By.linkText("Single sign-on")));
        browser.findElement(By.id("metadata-file")).sendKeys(fixture("entra-app-metadata-tenant-a9054a0f-2023.xml"));
        clickAndLoad(browser.findElement(By.id("upload-metadata")));
        waitFor(By.id("notice"));
        assertThat(text("entity-id")).isEqualTo("https://gatehouse.test/saml/" + company.id() + "/metadata");
        assertThat(text("reply-url")).isEqualTo("https://gatehouse.test/saml/" + company.id() + "/acs");
        assertThat(text("idp-entity-id")).isEqualTo("https://sts.windows.net/a9054a0f-2011-4e31-b3ac-fd8c354146ec/");
        assertThat(browser.findElement(By.id("certificates")).getText()).contains("2026-11-16");
        assertThat(browser.findElement(By.id("test-sign-in")).getAttribute("href"))
                .endsWith("/saml/" + company.id() + "/login");
        screenshot("sso-settings");

        // The support team issues a SCIM token; Entra provisions a user and a group.
        Scim scim = scim(company.id());
        String member = scim.createUser("mia@contoso.test");
        String group = scim.createGroup("Finance");
        assertThat(scim.patch("/Groups/" + group, addMember(member)).status()).isIn(200, 204);

        clickAndLoad(browser.findElement(By.linkText("Users")));
        assertThat(text("managed-banner")).contains("Users and user groups are managed in Microsoft Entra ID");
        assertThat(browser.findElement(By.id("invite-button")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("invite-email")).isEnabled()).isFalse();
        WebElement miaRow = browser.findElement(By.cssSelector("tr[data-user='mia@contoso.test']"));
        assertThat(miaRow.getText()).contains("mia Example").contains("Microsoft Entra ID").contains("Finance");
        assertThat(miaRow.findElement(By.tagName("button")).isEnabled()).isFalse();
        screenshot("users-managed-by-entra");

        clickAndLoad(browser.findElement(By.linkText("Provisioning")));
        assertThat(text("tenant-url")).isEqualTo("https://gatehouse.test/scim/v2");
        assertThat(text("provisioning-state")).contains("Provisioning is on");
        assertThat(browser.findElement(By.id("events")).getText()).contains("POST /scim/v2/Groups");
        screenshot("provisioning");

        // A Space for the provisioned group.
        clickAndLoad(browser.findElement(By.linkText("User groups")));
        browser.findElement(By.id("space-name")).sendKeys("Contracts");
        clickAndLoad(browser.findElement(By.id("create-space")));
        clickAndLoad(browser.findElement(By.linkText("Finance")));
        assertThat(text("members-readonly")).contains("managed in Microsoft Entra ID");
        WebElement row = browser.findElement(By.xpath("//table[@id='spaces']//tr[td[text()='Contracts']]"));
        new Select(row.findElement(By.tagName("select"))).selectByVisibleText("Viewer");
        clickAndLoad(row.findElement(By.tagName("button")));
        waitFor(By.xpath("//table[@id='spaces']//option[@value='VIEWER' and @selected]"));

        // The member signs in with SSO and sees the Space; the console is not theirs.
        connectTestIdp(company.id());
        browser.manage().deleteAllCookies();
        browser.get(idp.signInUrl(company.id(), "mia@contoso.test"));
        clickAndLoad(browser.findElement(By.id("continue")));
        waitForPath("/app");
        assertThat(text("display-name")).isEqualTo("mia Example");
        assertThat(browser.findElement(By.id("spaces")).getText()).contains("Contracts").contains("Viewer");
        screenshot("app");
        open("/console/users");
        assertThat(text("error-title")).isEqualTo("Access denied");
        assertThat(text("error-message")).contains("Manage users");
    }

    @Test
    void withoutProvisioningTheAdministratorInvitesAndDeactivatesUsersAndIsToldHowToGetGroups() {
        TestCompany company = companyWithAdmin("Local Ltd", "standard", "local-admin" + System.nanoTime() + "@acme.test");
        open(company.setupPath());
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("confirm")).sendKeys(PASSWORD);
        clickAndLoad(browser.findElement(By.cssSelector("main form button[type=submit]")));
        waitForPath("/console");

        clickAndLoad(browser.findElement(By.linkText("Users")));
        assertThat(browser.findElements(By.id("managed-banner"))).isEmpty();
        browser.findElement(By.id("invite-email")).sendKeys("zoe@acme.test");
        browser.findElement(By.id("invite-name")).sendKeys("Zoe Local");
        clickAndLoad(browser.findElement(By.id("invite-button")));
        WebElement zoe = waitFor(By.cssSelector("tr[data-user='zoe@acme.test']"));
        assertThat(zoe.getText()).contains("Zoe Local").contains("Local").contains("Active");
        clickAndLoad(zoe.findElement(By.tagName("button")));
        browser.findElement(By.id("q")).sendKeys("zoe");
        clickAndLoad(browser.findElement(By.xpath("//button[text()='Search']")));
        zoe = waitFor(By.cssSelector("tr[data-user='zoe@acme.test']"));
        assertThat(zoe.getText()).contains("Deactivated");
        // Deactivated here, while the directory is not managed by Entra: Reactivate brings the account back.
        assertThat(zoe.findElements(By.xpath(".//button[text()='Deactivate']"))).isEmpty();
        clickAndLoad(zoe.findElement(By.xpath(".//button[text()='Reactivate']")));
        zoe = waitFor(By.cssSelector("tr[data-user='zoe@acme.test']"));
        assertThat(zoe.getText()).contains("Active").doesNotContain("Deactivated");
        assertThat(zoe.findElements(By.xpath(".//button[text()='Reactivate']"))).isEmpty();
        // The break-glass administrator's row offers no button that would only be refused.
        WebElement self = waitFor(By.cssSelector("tr[data-user='" + company.adminEmail() + "']"));
        assertThat(self.findElements(By.tagName("button"))).isEmpty();
        assertThat(self.getText()).contains("Break-glass administrator");

        clickAndLoad(browser.findElement(By.linkText("User groups")));
        assertThat(text("not-in-plan")).contains("premium feature").contains("Customer Success Manager");
    }

    @Test
    void rotatingATokenRedirectsSoThatReloadingThePageIssuesNoOtherToken() {
        TestCompany company = companyWithAdmin("Rotate Ltd", "standard", "rot-admin" + System.nanoTime() + "@acme.test");
        setPassword(company);

        open("/console/provisioning");
        clickAndLoad(browser.findElement(By.id("rotate-token")));
        waitForPath("/console/provisioning");
        String token = text("new-token");
        assertThat(token).startsWith("gh_scim_");
        assertThat(text("provisioning-state")).contains("Provisioning is on");

        browser.navigate().refresh();
        waitFor(By.id("tokens"));
        assertThat(browser.findElements(By.id("new-token"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(token);
        assertThat(operator().call("GET", "/companies/" + company.id() + "/scim-tokens", null).json().size())
                .as("the reload issued no second token").isEqualTo(1);
        assertThat(text("rotate-token")).isEqualTo("Rotate token");
    }

    @Test
    void aUserWhoMayOnlyManageUserGroupsGrantsGroupsRolesAndSpaces() {
        TestCompany company = companyWithAdmin("Groups Ltd", "premium", "grp-admin" + System.nanoTime() + "@acme.test");
        operator().call("POST", "/companies/" + company.id() + "/admins", "{\"email\":\"keeper" + System.nanoTime()
                + "@acme.test\"}");
        // The first administrator keeps only "Manage user groups".
        grant(company.id(), company.adminId(), "manage_user_groups");
        operator().call("DELETE", "/companies/" + company.id() + "/roles/users/" + company.adminId()
                + "/administrator", null);
        Scim scim = scim(company.id());
        String groupId = scim.createGroup("Finance");
        spaces.create(io.gatehouse.tenancy.CompanyId.parse(company.id()).orElseThrow(),
                io.gatehouse.access.Actor.OPERATOR, "Budgets");
        setPassword(company);

        open("/console/groups");
        assertThat(browser.findElements(By.linkText("Users"))).isEmpty();
        assertThat(browser.findElements(By.linkText("Roles and permissions"))).isNotEmpty();
        clickAndLoad(browser.findElement(By.linkText("Finance")));
        waitForPath("/console/groups/" + groupId);
        Select grantable = new Select(browser.findElement(By.id("group-grant")));
        assertThat(grantable.getOptions()).extracting(WebElement::getText).containsExactly("Manage user groups");
        grantable.selectByVisibleText("Manage user groups");
        clickAndLoad(browser.findElement(By.id("group-grant-button")));
        assertThat(text("group-roles")).contains("Manage user groups");

        Select budgets = new Select(browser.findElement(By.xpath("//select[starts-with(@id,'role-')]")));
        budgets.selectByVisibleText("Editor");
        clickAndLoad(browser.findElement(By.xpath("//button[@aria-label='Save access to Budgets']")));
        assertThat(new Select(browser.findElement(By.xpath("//select[starts-with(@id,'role-')]")))
                .getFirstSelectedOption().getText()).isEqualTo("Editor");

        clickAndLoad(browser.findElement(By.linkText("Roles and permissions")));
        assertThat(text("grants")).contains("Finance").contains("Manage user groups");
        assertThat(browser.findElements(By.id("grant-user-button"))).isEmpty();
        assertThat(browser.findElements(By.id("grant-group-button"))).isNotEmpty();
    }

    @Test
    void theSupportTeamCreatesACompanyAndItsAdministratorInTheSupportConsole() throws IOException {
        String name = "Northwind " + System.nanoTime();
        String email = "nw-admin" + System.nanoTime() + "@northwind.test";

        // The support team signs in with the operator token.
        open("/support/companies");
        waitForPath("/support/sign-in");
        browser.findElement(By.id("token")).sendKeys(OPERATOR_TOKEN);
        screenshot("support-sign-in");
        clickAndLoad(browser.findElement(By.id("sign-in")));
        waitForPath("/support/companies");

        // Creates the company on the premium plan, adds its email domain and issues a SCIM token.
        browser.findElement(By.id("company-name")).sendKeys(name);
        new Select(browser.findElement(By.id("company-plan"))).selectByVisibleText("premium");
        clickAndLoad(browser.findElement(By.id("create-company")));
        assertThat(text("company-title")).isEqualTo(name);
        assertThat(text("plan")).isEqualTo("premium");
        String companyId = text("company-id");
        browser.findElement(By.id("domain")).sendKeys("northwind.test");
        clickAndLoad(browser.findElement(By.id("add-domain")));
        assertThat(text("domains")).contains("northwind.test");
        clickAndLoad(browser.findElement(By.id("issue-token")));
        String token = text("new-token");
        assertThat(token).startsWith("gh_scim_");
        assertThat(new Scim(http(), token).createUser("ops@northwind.test")).isNotBlank();

        // Creates the first administrator and copies the one-time setup link.
        browser.findElement(By.id("admin-email")).sendKeys(email);
        browser.findElement(By.id("admin-name")).sendKeys("Nora Admin");
        clickAndLoad(browser.findElement(By.id("create-admin")));
        String setupLink = text("setup-link");
        assertThat(setupLink).startsWith("https://gatehouse.test/setup/");
        assertThat(browser.findElement(By.id("admins")).getText()).contains(email).contains("Not yet");
        screenshot("support-company");

        // The companies list finds it by name.
        clickAndLoad(browser.findElement(By.linkText("Companies")));
        browser.findElement(By.id("q")).sendKeys("northwind");
        clickAndLoad(browser.findElement(By.id("search")));
        assertThat(browser.findElement(By.id("companies")).getText()).contains(name).contains("premium");
        screenshot("support-companies");
        clickAndLoad(browser.findElement(By.id("sign-out")));
        waitForPath("/support/sign-in");

        // The administrator opens the setup link, chooses a password and lands in the company's console.
        open(java.net.URI.create(setupLink).getPath());
        assertThat(text("setup-user")).isEqualTo(email);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("confirm")).sendKeys(PASSWORD);
        clickAndLoad(browser.findElement(By.cssSelector("main form button[type=submit]")));
        waitForPath("/console");
        assertThat(text("signed-in-as")).isEqualTo(email);
        assertThat(text("company-name")).isEqualTo(name);
        assertThat(companyId).isNotBlank();
        open("/support/companies");
        assertThat(text("error-title")).isEqualTo("Support team only");
    }

    @Test
    void theSupportTeamRegistersAProductApplicationAndItsKeySeesTheCompanyItServes() throws IOException {
        String company = operator().createCompany("Served by the product " + System.nanoTime(), "standard");
        signInToSupport();
        clickAndLoad(browser.findElement(By.id("nav-applications")));

        // Registers the production application; its client secret is shown on this page only.
        browser.findElement(By.id("app-name")).sendKeys("Acme Cloud (production)");
        browser.findElement(By.id("app-redirects")).sendKeys("https://app.acme.example/login/oauth2/code/gatehouse");
        clickAndLoad(browser.findElement(By.id("register-application")));
        assertThat(text("application-title")).isEqualTo("Acme Cloud (production)");
        assertThat(text("new-secret")).startsWith("gh_cs_");
        assertThat(text("default-redirect")).isEqualTo("https://app.acme.example/login/oauth2/code/gatehouse");

        // Lets it serve one company and issues an API key for the product's backend.
        new Select(browser.findElement(By.id("add-company"))).selectByValue(company);
        clickAndLoad(browser.findElement(By.id("add-company-button")));
        assertThat(browser.findElement(By.id("served-companies")).getText()).contains("Served by the product");
        browser.findElement(By.id("key-label")).sendKeys("backend");
        clickAndLoad(browser.findElement(By.id("issue-key")));
        String key = text("new-key");
        screenshot("support-application");
        assertThat(http().get("/api/v1/companies", key).json().path("data").get(0).path("id").asString())
                .isEqualTo(company);
        clickAndLoad(browser.findElement(By.id("nav-applications")));
        assertThat(browser.findElement(By.id("applications")).getText()).contains("Acme Cloud (production)");
    }

    @Test
    void theSupportTeamOpensAnEndpointsDeliveryLogAndResendsADelivery() throws Exception {
        try (io.gatehouse.webhooks.Receiver receiver = new io.gatehouse.webhooks.Receiver(n -> 204, 0)) {
            io.gatehouse.support.Operator.TestCompany company = operator().premiumCompanyWithToken();
            String app = new io.gatehouse.support.Applications(http()).serving(company.id()).id();
            String endpoint = operator().call("POST", "/applications/" + app + "/webhooks",
                    "{\"url\":\"" + receiver.url() + "/hook\"}").json().path("id").asString();
            new Scim(http(), company.scimToken()).createUser("alice@contoso.test");
            deliverWebhooksUntil(() -> !receiver.requests.isEmpty());
            String webhookId = receiver.ids().get(0);
            String type = Http.JSON.readTree(receiver.requests.get(0).body()).path("type").asString();

            signInToSupport();
            open("/support/applications/" + app);
            clickAndLoad(browser.findElement(By.cssSelector("#webhooks tr[data-endpoint='" + endpoint + "'] a")));
            waitForPath("/support/applications/" + app + "/webhooks/" + endpoint);
            By row = By.cssSelector("#deliveries tr[data-delivery='" + webhookId + "']");
            assertThat(waitFor(row).getText()).contains(type).contains(webhookId).contains("HTTP 204")
                    .contains("Delivered");
            screenshot("support-webhook");

            clickAndLoad(browser.findElement(row).findElement(By.tagName("button")));
            assertThat(text("notice")).contains("Resend of " + webhookId + " scheduled");
            assertThat(browser.findElement(row).getText()).contains("Resend pending");
            deliverWebhooksUntil(() -> receiver.ids().stream().filter(webhookId::equals).count() == 2);
            browser.navigate().refresh();
            assertThat(waitFor(row).findElement(By.className("attempts")).getText()).isEqualTo("2");
            assertThat(browser.findElement(row).getText()).contains("Delivered");
        }
    }

    private void deliverWebhooksUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        io.gatehouse.support.Publishing.deliverUntil(publisher, worker, done, java.time.Duration.ofSeconds(20));
    }

    private static String fixture(String name) {
        return Path.of("src/test/resources/saml/metadata", name).toAbsolutePath().toString();
    }

    private void screenshot(String name) throws IOException {
        String dir = System.getenv("GATEHOUSE_SCREENSHOTS");
        if (dir == null || dir.isBlank()) {
            return;
        }
        Path target = Path.of(dir).resolve(name + ".png");
        Files.createDirectories(target.getParent());
        Dimension size = browser.manage().window().getSize();
        Object height = browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(size.getWidth(), ((Number) height).intValue() + 20));
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(size);
    }
}
