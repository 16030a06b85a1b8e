package io.gatehouse.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console, support console and operator API answer errors in their own format, never a framework default body:
 * a console POST without its CSRF token, an unknown console and support page, the operator API's unknown route and
 * a refusal, and the provisioning log's company id as a plain string.
 */
class ProductErrorsIT extends SupportConsoleTest {

    @Test
    void aConsolePostWithoutItsCsrfTokenGetsTheConsolesPage() {
        WebClient admin = signedInAdmin(companyWithAdmin("standard"));

        Http.Response r = admin.post("/console/users/invite", Map.of("email", "x@acme.test"));

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.body()).contains("Back to company settings").contains("security token")
                .doesNotContain("\"error\"").doesNotContain("Whitelabel");
    }

    @Test
    void unknownPagesAreTheConsolesAndTheSupportConsolesOwn() {
        Http.Response console = signedInAdmin(companyWithAdmin("standard")).get("/console/no-such-page");
        assertThat(console.status()).isEqualTo(404);
        assertThat(console.header("Content-Type")).startsWith("text/html");
        assertThat(console.body()).contains("Not found").contains("Back to company settings");

        Http.Response support = supportTeam().get("/support/no-such-page");
        assertThat(support.status()).isEqualTo(404);
        assertThat(support.body()).contains("Not found").contains("Back to the companies");
    }

    @Test
    void theOperatorApisUnknownRouteAndRefusalsAreItsOwnJson() {
        Http.Response unknown = operator().call("GET", "/no-such-route", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/json");
        assertThat(unknown.json().path("error").asString()).isEqualTo("not_found");
        assertThat(unknown.json().has("timestamp")).as("not Spring's default body").isFalse();

        TestCompany c = companyWithAdmin("standard");
        Http.Response last = operator().call("DELETE", "/companies/" + c.id() + "/admins/" + c.adminId(), null);
        assertThat(last.status()).isEqualTo(409);
        assertThat(last.json().path("error").asString()).isEqualTo("last_administrator");
        assertThat(last.json().has("timestamp")).isFalse();
    }

    @Test
    void theProvisioningLogNamesTheCompanyByItsIdString() throws InterruptedException {
        TestCompany c = companyWithAdmin("standard");
        scim(c.id()).get("/Users");
        Http.Response log = operator().call("GET", "/companies/" + c.id() + "/provisioning-log", null);
        for (int i = 0; i < 30 && log.json().isEmpty(); i++) {
            Thread.sleep(100); // entries are queued after the response (audit.ProvisioningLog)
            log = operator().call("GET", "/companies/" + c.id() + "/provisioning-log", null);
        }
        assertThat(log.json().get(0).path("company").isString()).as(log.body()).isTrue();
        assertThat(log.json().get(0).path("company").asString()).isEqualTo(c.id());
    }
}
