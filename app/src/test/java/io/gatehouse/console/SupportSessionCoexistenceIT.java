package io.gatehouse.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A support session and the company pages: opening {@code /console} or {@code /app} with it is refused with a
 * page, and the support session survives; a company administrator's session on {@code /support} is refused with
 * a page that leads back to the company's console, not to the support team's company list.
 */
class SupportSessionCoexistenceIT extends SupportConsoleTest {

    @Test
    void aSupportPersonOpeningCompanyPagesIsRefusedWithAPageAndStaysSignedIn() {
        WebClient support = supportTeam();
        String session = support.cookie("GATEHOUSE_SESSION");

        for (String path : List.of("/console", "/console/users", "/app")) {
            Http.Response r = support.get(path);
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.header("Content-Type")).as(path).startsWith("text/html");
            assertThat(r.body()).as(path).contains("Support session").contains("still signed in to the support console")
                    .contains("href=\"/support/companies\"").doesNotContain("My Spaces");
            assertThat(r.headers().getOrDefault("set-cookie", List.of())).as(path)
                    .noneMatch(c -> c.startsWith("GATEHOUSE_SESSION="));
        }
        TestCompany c = companyWithAdmin("standard");
        Http.Response post = support.postWithCsrf("/support/companies", "/console/users/invite",
                Map.of("email", "x" + System.nanoTime() + "@acme.test"));
        assertThat(post.status()).isEqualTo(403);

        assertThat(support.cookie("GATEHOUSE_SESSION")).isEqualTo(session);
        assertThat(support.get("/support/companies").status()).isEqualTo(200);
        assertThat(support.get("/support/companies/" + c.id()).status()).isEqualTo(200);
    }

    @Test
    void aCompanyAdministratorOnTheSupportConsoleIsLedBackToTheirConsole() {
        WebClient admin = signedInAdmin(companyWithAdmin("standard"));

        Http.Response r = admin.get("/support/companies");

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("Support team only").contains("href=\"/console\"")
                .doesNotContain("Back to the companies");
        assertThat(admin.get("/console").status()).isEqualTo(200);
    }
}
