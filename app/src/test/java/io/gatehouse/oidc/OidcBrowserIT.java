package io.gatehouse.oidc;

import static io.gatehouse.oidc.MicrosoftCompanies.provision;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.console.HeadlessChromium;
import io.gatehouse.oidc.MicrosoftCompanies.TestCompany;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * "Approve for my organization" and "Sign in with Microsoft" in a real headless Chromium against the local
 * OpenID provider. Entra sends the browser back to the public base URL (https://gatehouse.test), which does
 * not exist here: Chromium is told it is unreachable, and the test continues that same redirect (path and
 * query unchanged) at the test server's address.
 */
class OidcBrowserIT extends OidcIntegrationTest {

    private static final String PUBLIC_BASE = "https://gatehouse.test";

    private ChromeDriver browser;

    @BeforeEach
    void start() {
        browser = HeadlessChromium.start("--host-resolver-rules=MAP gatehouse.test 127.0.0.1:9");
        // The console's CSP lets forms lead only to https: (Entra is https). The local provider is plain http,
        // so this browser ignores CSP, which is the one thing the local setup cannot show as production does.
        browser.executeCdpCommand("Page.setBypassCSP", java.util.Map.of("enabled", true));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAdminApprovesForTheOrganizationAndAMemberSignsInWithMicrosoft() {
        TestCompany company = company();
        String tenant = LocalEntra.newTenant();
        String oid = UUID.randomUUID().toString();
        provision(company, "member" + System.nanoTime() + "@acme.test", oid, true);

        // The administrator (signed in with the password) offers the method: the console asks for approval.
        open("/login");
        browser.manage().addCookie(new Cookie("GATEHOUSE_SESSION", company.admin().cookie("GATEHOUSE_SESSION")));
        open("/console/settings/sso");
        browser.findElement(By.id("oidc-enabled")).click();
        click(browser.findElement(By.id("oidc-save")));
        waitFor(By.id("oidc-approval-banner"));
        open("/console");
        WebElement banner = waitFor(By.id("oidc-approval-banner"));
        assertThat(banner.getText()).contains("Sign in with Microsoft needs your approval");

        // A member who tries now is told who must approve.
        String memberLink = text("company-name");
        open("/oidc/" + company.id() + "/login");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Need admin approval");
        assertThat(text("admins")).contains("Ada Admin");
        assertThat(memberLink).isEqualTo(company.name());

        // The administrator approves: Entra's admin consent page, back to Gatehouse, which binds nothing until
        // the administrator's Microsoft sign-in confirms the consented tenant with a verified ID token.
        LocalEntra.consentTenant(tenant);
        open("/console");
        click(waitFor(By.cssSelector("#oidc-approval-banner button")));
        LocalEntra.nextToken(LocalEntra.claims(tenant, UUID.randomUUID().toString(), "it-admin@acme.test"), 3600);
        continueRedirectFromEntra("/oidc/consent/callback");
        continueRedirectFromEntra("/oidc/callback");
        waitFor(By.id("oidc-approved"));
        assertThat(text("oidc-approved")).contains(tenant).contains(company.adminEmail());
        assertThat(browser.findElements(By.id("oidc-approval-banner"))).isEmpty();

        // A member signs in with Microsoft from the login page.
        browser.manage().deleteAllCookies();
        open("/login");
        LocalEntra.nextToken(LocalEntra.claims(tenant, oid, "member@acme.test"), 3600);
        click(browser.findElement(By.id("sign-in-with-microsoft")));
        continueRedirectFromEntra("/oidc/callback");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlToBe(base() + "/app"));
        assertThat(browser.getPageSource()).contains(company.name());
    }

    /** Waits until Entra sent the browser to our public redirect URI, then continues it on the test server. */
    private void continueRedirectFromEntra(String path) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(15))
                    .until(d -> d.getCurrentUrl() != null && d.getCurrentUrl().startsWith(PUBLIC_BASE + path));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("not sent to " + PUBLIC_BASE + path + " but at " + browser.getCurrentUrl() + ": "
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
        URI redirect = URI.create(browser.getCurrentUrl());
        // A page's own navigation, not driver.get(): when a typed navigation redirects on to the unreachable public
        // host (the consent answer leads to the proof's authorization request, which ends there), Chromium requested
        // the typed URL a second time, replaying the single-use state.
        browser.executeScript("window.location.assign(arguments[0])",
                base() + redirect.getRawPath() + "?" + redirect.getRawQuery());
    }

    private void open(String path) {
        browser.get(base() + path);
    }

    private void click(WebElement element) {
        element.click();
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private String base() {
        return http().base();
    }
}
