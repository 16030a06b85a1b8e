package io.gatehouse.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver, headless, with a fresh profile that {@code quit()} deletes. Missing binaries
 * are a test failure, not a skip: ./test.sh installs them. Elsewhere than Debian's paths: GATEHOUSE_TEST_CHROMIUM and
 * GATEHOUSE_TEST_CHROMEDRIVER.
 */
public final class HeadlessChromium {

    static final File CHROMIUM = new File(System.getenv().getOrDefault("GATEHOUSE_TEST_CHROMIUM", "/usr/bin/chromium"));
    static final File CHROMEDRIVER =
            new File(System.getenv().getOrDefault("GATEHOUSE_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private HeadlessChromium() {}

    public static ChromeDriver start(String... extraArguments) {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            throw new AssertionError("Browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install -y chromium chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + ")");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("gatehouse-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        options.addArguments(extraArguments);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options) {
            @Override
            public void quit() {
                super.quit();
                deleteProfile(profile); // a few MB per browser, under /tmp, for every test run otherwise
            }
        };
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static void deleteProfile(Path profile) {
        try (Stream<Path> paths = Files.walk(profile)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover profile directory is harmless
        }
    }
}
