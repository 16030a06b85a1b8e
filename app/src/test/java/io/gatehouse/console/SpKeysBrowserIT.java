package io.gatehouse.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * Our SP keys as a company administrator and the support team see them in a real headless Chromium: the console's
 * SSO page shows the current key with its expiry; once the support team creates a next key through the operator API
 * (io.gatehouse.operator.OperatorSpKeysController) the page lists both, each with what Entra must be told; and the
 * support console's company page shows the same keys.
 */
class SpKeysBrowserIT extends BrowserTest {

    @Test
    void theSsoPageShowsTheCurrentKeyThenTheNextKeyWithWhatEntraMustBeToldAndSoDoesTheSupportConsole() {
        TestCompany company = companyWithAdmin("Keys Ltd", "standard", "keys-admin" + System.nanoTime() + "@acme.test");
        setPassword(company);

        // The current keys, with their expiry: the page shows what the operator API reports.
        clickAndLoad(browser.findElement(By.linkText("Single sign-on")));
        waitForPath("/console/settings/sso");
        JsonNode current = key(company.id(), "SIGNING", "CURRENT");
        WebElement currentRow = row(current);
        assertThat(cells(currentRow)).containsExactly(current.path("id").asString(), "Signing", "CURRENT",
                date(current), current.path("sha256").asString(), current.path("entra").asString());
        assertThat(current.path("entra").asString()).contains("Signs our sign-in and logout requests");
        assertThat(date(current)).isGreaterThan(date(Instant.now()));
        assertThat(rowsOf("SIGNING")).hasSize(1);
        assertThat(text("sp-keys")).doesNotContain("NEXT");

        // The support team creates the next signing key.
        Http.Response created = operator().call("POST", "/companies/" + company.id() + "/saml-sp-keys",
                "{\"use\":\"SIGNING\"}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode next = created.json();

        browser.navigate().refresh();
        waitFor(By.id("sp-keys"));
        assertThat(rowsOf("SIGNING")).as("both signing keys").hasSize(2);
        assertThat(cells(row(current))).containsExactly(current.path("id").asString(), "Signing", "CURRENT",
                date(current), current.path("sha256").asString(), current.path("entra").asString());
        List<String> nextCells = cells(row(next));
        assertThat(nextCells).containsExactly(next.path("id").asString(), "Signing", "NEXT", date(next),
                next.path("sha256").asString(), next.path("entra").asString());
        assertThat(nextCells.get(5)).as("what Entra must be told about the next key")
                .contains("Upload this certificate in Entra under SAML Certificates → Verification certificates")
                .contains("before activating it here");
        assertThat(next.path("sha256").asString()).isNotEqualTo(current.path("sha256").asString());
        assertThat(browser.getPageSource()).doesNotContain("PRIVATE KEY");

        // The support console's company page lists the same keys with the same steps.
        browser.manage().deleteAllCookies();
        signInToSupport();
        open("/support/companies/" + company.id());
        waitFor(By.id("sp-keys"));
        assertThat(cells(row(current))).containsExactly(current.path("id").asString(), "Signing", "CURRENT",
                date(current), current.path("sha256").asString(), current.path("entra").asString());
        assertThat(cells(row(next))).containsExactly(next.path("id").asString(), "Signing", "NEXT", date(next),
                next.path("sha256").asString(), next.path("entra").asString());
        assertThat(rowsOf("SIGNING")).hasSize(2);
        assertThat(browser.getPageSource()).doesNotContain("PRIVATE KEY");
    }

    /** The company's one key of that use and state, as the operator API lists it. */
    private JsonNode key(String companyId, String use, String state) {
        JsonNode keys = operator().call("GET", "/companies/" + companyId + "/saml-sp-keys", null).json().path("keys");
        for (JsonNode k : keys) {
            if (use.equals(k.path("use").asString()) && state.equals(k.path("state").asString())) {
                return k;
            }
        }
        throw new AssertionError("no " + state + " " + use + " key in " + keys);
    }

    private WebElement row(JsonNode key) {
        return browser.findElement(By.id("sp-key-" + key.path("id").asString()));
    }

    /** The table's rows of one use ("SIGNING" shows as "Signing"). */
    private List<WebElement> rowsOf(String use) {
        String shown = use.charAt(0) + use.substring(1).toLowerCase(java.util.Locale.ROOT);
        return browser.findElements(By.xpath("//table[@id='sp-keys']/tbody/tr[td[2][normalize-space()='" + shown
                + "']]"));
    }

    private static List<String> cells(WebElement row) {
        List<String> out = new ArrayList<>();
        row.findElements(By.tagName("td")).forEach(td -> out.add(td.getText().trim()));
        return out;
    }

    private static String date(JsonNode key) {
        return date(Instant.parse(key.path("notAfter").asString()));
    }

    private static String date(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
