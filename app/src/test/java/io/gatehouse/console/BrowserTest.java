package io.gatehouse.console;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the browser tests of the console and the support console: a fresh headless Chromium per test
 * ({@link HeadlessChromium}) on the test server, and the few steps every such test takes.
 */
abstract class BrowserTest extends ConsoleIntegrationTest {

    ChromeDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** The administrator opens the setup link, chooses a password and lands in the console, signed in. */
    void setPassword(TestCompany company) {
        open(company.setupPath());
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("confirm")).sendKeys(PASSWORD);
        clickAndLoad(browser.findElement(By.cssSelector("main form button[type=submit]")));
        waitForPath("/console");
    }

    /** The support team signs in with the operator token and lands on the companies list. */
    void signInToSupport() {
        open("/support/companies");
        waitForPath("/support/sign-in");
        browser.findElement(By.id("token")).sendKeys(OPERATOR_TOKEN);
        clickAndLoad(browser.findElement(By.id("sign-in")));
        waitForPath("/support/companies");
    }

    /** Clicks something that loads a new page and waits until the old one is gone. */
    void clickAndLoad(WebElement element) {
        WebElement page = browser.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
            try {
                page.getTagName();
                return false;
            } catch (WebDriverException gone) { // stale, or "does not belong to the document" mid-navigation
                return true;
            }
        });
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    void open(String path) {
        browser.get(base() + path);
    }

    String text(String id) {
        return waitFor(By.id(id)).getText().trim();
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    void waitForPath(String path) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> path.equals(path(d.getCurrentUrl())));
    }

    /** The path of a URL, without query and fragment. */
    static String path(String url) {
        return url.replaceFirst("^https?://[^/]+", "").replaceFirst("[?#].*$", "");
    }
}
