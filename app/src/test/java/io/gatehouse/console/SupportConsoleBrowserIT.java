package io.gatehouse.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Scim;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * The support console's one-time secrets in a real headless Chromium: the action that shows one answers with a
 * redirect (post/redirect/get), so the browser's reload repeats a GET that shows the secret no more and issues
 * nothing, and the audit log has one entry for the one action.
 */
class SupportConsoleBrowserIT extends BrowserTest {

    @Test
    void issuingATokenThenReloadingThePageLeavesExactlyOneTokenAndTheSecretGone() {
        String company = operator().createCompany("Reload Ltd " + System.nanoTime(), "standard");
        signInToSupport();
        open("/support/companies/" + company);

        clickAndLoad(browser.findElement(By.id("issue-token")));
        waitForPath("/support/companies/" + company);
        String token = text("new-token");
        assertThat(token).startsWith("gh_scim_");
        assertThat(text("issued-token")).contains("shown only this once");

        browser.navigate().refresh();
        waitFor(By.id("tokens"));
        assertThat(path(browser.getCurrentUrl())).isEqualTo("/support/companies/" + company);
        assertThat(browser.findElements(By.id("new-token"))).as("the secret is gone after the reload").isEmpty();
        assertThat(browser.findElements(By.id("issued-token"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(token);
        JsonNode tokens = operator().call("GET", "/companies/" + company + "/scim-tokens", null).json();
        assertThat(tokens.size()).as("exactly one token: the reload issued none").isEqualTo(1);
        assertThat(browser.findElements(By.cssSelector("#tokens tbody tr"))).hasSize(1);
        assertThat(text("tokens")).contains(token.substring(0, 12)).contains("Active");
        assertThat(auditEntries(company, "SCIM_TOKEN_ISSUED")).as("one audit entry for the one action").isEqualTo(1);
        assertThat(new Scim(http(), token).get("/Users").status()).as("the token shown is the one issued")
                .isEqualTo(200);
    }

    @Test
    void creatingAnAdministratorThenReloadingShowsTheSetupLinkOnceAndTheLinkStillWorks() {
        String company = operator().createCompany("Reload admin Ltd " + System.nanoTime(), "standard");
        String email = "reload-admin" + System.nanoTime() + "@reload.test";
        signInToSupport();
        open("/support/companies/" + company);

        browser.findElement(By.id("admin-email")).sendKeys(email);
        clickAndLoad(browser.findElement(By.id("create-admin")));
        waitForPath("/support/companies/" + company);
        String setupLink = text("setup-link");
        assertThat(setupLink).startsWith("https://gatehouse.test/setup/");

        browser.navigate().refresh();
        waitFor(By.id("admins"));
        assertThat(browser.findElements(By.id("setup-link"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(URI.create(setupLink).getPath());
        assertThat(browser.findElements(By.cssSelector("#admins tbody tr"))).hasSize(1);
        assertThat(auditEntries(company, "BREAK_GLASS_ADMIN_CREATED")).isEqualTo(1);

        // No second link replaced the one shown: it opens the setup page.
        browser.manage().deleteAllCookies();
        open(URI.create(setupLink).getPath());
        assertThat(text("setup-user")).isEqualTo(email);
    }
}
