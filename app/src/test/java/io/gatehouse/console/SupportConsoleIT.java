package io.gatehouse.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.Scim;
import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The support console's pages and actions, each checked against what the operator API then reports, and that a
 * company's page and actions never reach another company.
 */
class SupportConsoleIT extends SupportConsoleTest {

    private static final Pattern NEW_TOKEN = Pattern.compile("id=\"new-token\">([^<]+)<");
    private static final Pattern SETUP_LINK = Pattern.compile("id=\"setup-link\">([^<]+)<");

    @Test
    void listsCompaniesAndSearchesThemByName() {
        String tag = Long.toString(System.nanoTime());
        String blue = operator().createCompany("Bluebird " + tag, "standard");
        String red = operator().createCompany("Redwood " + tag, "premium");
        WebClient support = supportTeam();

        String all = support.get("/support/companies").body();
        assertThat(all).contains("Bluebird " + tag).contains("Redwood " + tag);
        String found = support.get("/support/companies?q=bluebird+" + tag).body();
        assertThat(found).contains("Bluebird " + tag).contains(blue).doesNotContain("Redwood " + tag)
                .doesNotContain(red);
        assertThat(support.get("/support/companies?q=nothing-like-" + tag).body()).contains("No companies match");
    }

    @Test
    void createsACompanyWithItsPlan() {
        WebClient support = supportTeam();
        String name = "Created " + System.nanoTime();

        Http.Response created = support.postWithCsrf("/support/companies", "/support/companies",
                Map.of("name", name, "plan", "premium"));

        assertThat(created.status()).isEqualTo(302);
        String id = location(created).substring("/support/companies/".length());
        Http.Response api = operator().call("GET", "/companies/" + id, null);
        assertThat(api.json().path("name").asString()).isEqualTo(name);
        assertThat(api.json().path("plan").asString()).isEqualTo("premium");
        String page = support.get(location(created)).body();
        assertThat(page).contains("Company " + name + " created.").contains("id=\"plan\">premium<");
        assertThat(support.postWithCsrf("/support/companies", "/support/companies",
                Map.of("name", "Bad plan", "plan", "platinum")).status()).isEqualTo(400);
    }

    @Test
    void aCompanysPageListsOurSpKeysWithStateAndEntraSteps() {
        String company = operator().createCompany("Keys " + System.nanoTime(), "standard");
        operator().call("POST", "/companies/" + company + "/saml-sp-keys", "{\"use\":\"SIGNING\"}");

        String page = supportTeam().get("/support/companies/" + company).body();

        assertThat(page).contains("id=\"sp-keys\"").contains(">NEXT<").contains("Verification certificates")
                .doesNotContain("PRIVATE KEY");
    }

    @Test
    void changesThePlanAndAuditsItAsTheSupportTeam() {
        String company = operator().createCompany("Plan " + System.nanoTime(), "standard");
        WebClient support = supportTeam();

        Http.Response changed = act(support, company, "/plan", Map.of("plan", "premium"));

        assertThat(changed.status()).isEqualTo(302);
        assertThat(operator().call("GET", "/companies/" + company, null).json().path("plan").asString())
                .isEqualTo("premium");
        assertThat(support.get("/support/companies/" + company).body()).contains("id=\"plan\">premium<")
                .contains("Plan changed to premium.");
        String audit = operator().call("GET", "/companies/" + company + "/audit-log", null).body();
        assertThat(audit).contains("PLAN_CHANGED").contains("standard → premium").contains("support team");
        assertThat(act(support, company, "/plan", Map.of("plan", "nope")).status()).isEqualTo(400);
    }

    @Test
    void addsAndRemovesEmailDomainsButNeverTakesAnotherCompanysDomain() {
        String tag = Long.toString(System.nanoTime());
        String company = operator().createCompany("Domains " + tag, "standard");
        String other = operator().createCompany("Other " + tag, "standard");
        WebClient support = supportTeam();

        assertThat(act(support, company, "/domains", Map.of("domain", "a" + tag + ".test")).status()).isEqualTo(302);
        assertThat(act(support, company, "/domains", Map.of("domain", "B" + tag + ".test")).status()).isEqualTo(302);
        assertThat(operator().call("GET", "/companies/" + company + "/email-domains", null).body())
                .contains("a" + tag + ".test").contains("b" + tag + ".test");

        assertThat(act(support, company, "/domains/remove", Map.of("domain", "a" + tag + ".test")).status())
                .isEqualTo(302);
        assertThat(operator().call("GET", "/companies/" + company + "/email-domains", null).body())
                .doesNotContain("a" + tag + ".test").contains("b" + tag + ".test");

        Http.Response taken = act(support, other, "/domains", Map.of("domain", "b" + tag + ".test"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(operator().call("GET", "/companies/" + other + "/email-domains", null).body())
                .doesNotContain(tag);
        assertThat(act(support, company, "/domains", Map.of("domain", "not a domain")).status()).isEqualTo(400);
        assertThat(operator().call("GET", "/companies/" + company + "/audit-log", null).body())
                .contains("EMAIL_DOMAINS_CHANGED");
    }

    @Test
    void issuesATokenShownOnceThatWorksAndRevokesIt() {
        String company = operator().createCompany("Tokens " + System.nanoTime(), "standard");
        WebClient support = supportTeam();

        Http.Response issued = seeOther(support, act(support, company, "/tokens", Map.of()),
                "/support/companies/" + company);

        Matcher m = NEW_TOKEN.matcher(issued.body());
        assertThat(m.find()).isTrue();
        String token = m.group(1);
        Scim scim = new Scim(http(), token);
        assertThat(scim.get("/Users").status()).isEqualTo(200);
        String page = support.get("/support/companies/" + company).body();
        assertThat(page).doesNotContain(token).contains(token.substring(0, 12));
        assertThat(page).contains("Active");

        String tokenId = operator().call("GET", "/companies/" + company + "/scim-tokens", null).json().get(0)
                .path("id").asString();
        assertThat(act(support, company, "/tokens/" + tokenId + "/revoke", Map.of()).status()).isEqualTo(302);

        assertThat(scim.get("/Users").status()).isEqualTo(401);
        assertThat(support.get("/support/companies/" + company).body()).contains("Revoked");
        String audit = operator().call("GET", "/companies/" + company + "/audit-log", null).body();
        assertThat(audit).contains("SCIM_TOKEN_ISSUED").contains("SCIM_TOKEN_REVOKED").doesNotContain(token);
    }

    @Test
    void aTokenOfAnotherCompanyCannotBeRevokedThroughThisCompanysPage() {
        String company = operator().createCompany("Mine " + System.nanoTime(), "standard");
        String other = operator().createCompany("Theirs " + System.nanoTime(), "standard");
        String otherToken = operator().issueScimToken(other);
        String otherTokenId = operator().call("GET", "/companies/" + other + "/scim-tokens", null).json().get(0)
                .path("id").asString();
        WebClient support = supportTeam();

        Http.Response r = act(support, company, "/tokens/" + otherTokenId + "/revoke", Map.of());

        assertThat(r.status()).isEqualTo(404);
        assertThat(new Scim(http(), otherToken).get("/Users").status()).isEqualTo(200);
        assertThat(support.get("/support/companies/" + company).body()).doesNotContain(otherTokenId);
        assertThat(support.get("/support/companies/00000000-0000-0000-0000-000000000000").status())
                .isEqualTo(404);
        assertThat(support.get("/support/companies/not-an-id").status()).isEqualTo(404);
    }

    @Test
    void switchesProvisioningOffAndOn() {
        String company = operator().createCompany("Switch " + System.nanoTime(), "standard");
        WebClient support = supportTeam();

        assertThat(act(support, company, "/provisioning", Map.of("enabled", "false")).status()).isEqualTo(302);
        assertThat(operator().call("GET", "/companies/" + company, null).json().path("provisioningEnabled")
                .asBoolean()).isFalse();
        assertThat(support.get("/support/companies/" + company).body()).contains("Switched off");

        assertThat(act(support, company, "/provisioning", Map.of("enabled", "true")).status()).isEqualTo(302);
        assertThat(operator().call("GET", "/companies/" + company, null).json().path("provisioningEnabled")
                .asBoolean()).isTrue();
        assertThat(operator().call("GET", "/companies/" + company + "/audit-log", null).body())
                .contains("provisioning switched off").contains("provisioning switched on");
        assertThat(act(support, company, "/provisioning", Map.of("enabled", "maybe")).status()).isEqualTo(400);
    }

    @Test
    void showsProvisioningHealthWithTheLastErrorsStatusAndScimType() {
        Scim scim = new Scim(http(), operator().issueScimToken(
                operator().createCompany("Health other " + System.nanoTime(), "standard")));
        scim.post("/Users", "{\"userName\":\"not-my-company@x.test\"}");
        String company = operator().createCompany("Health " + System.nanoTime(), "standard");
        WebClient support = supportTeam();
        assertThat(support.get("/support/companies/" + company).body()).contains("id=\"last-request\">never<")
                .contains("No failed requests");

        Scim mine = new Scim(http(), operator().issueScimToken(company));
        mine.createUser("ada@health.test");
        Http.Response duplicate = mine.post("/Users",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"ada@health.test\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        mine.get("/Users");

        // The log entry of a request is queued after its response has gone out (audit.ProvisioningLog), so the
        // page may be asked for before the last one is queued: wait for it, as the operator API's tests do.
        String page = support.get("/support/companies/" + company).body();
        for (long deadline = System.nanoTime() + 3_000_000_000L;
             !page.contains("<span>3</span> requests") && System.nanoTime() < deadline; ) {
            page = support.get("/support/companies/" + company).body();
        }
        assertThat(page).doesNotContain("id=\"last-request\">never<");
        assertThat(page).containsPattern("<span>3</span> requests,\\s*<span>1</span> failed");
        assertThat(page).contains("33.3 %");
        assertThat(page).contains("<td class=\"status-failed\">409</td>").contains("<td>uniqueness</td>");
        assertThat(page).doesNotContain("not-my-company");
    }

    @Test
    void showsSsoStatusWithTheLastSuccessfulAndFailedSignIn() {
        String company = operator().createCompany("Sso " + System.nanoTime(), "standard");
        WebClient support = supportTeam();
        assertThat(support.get("/support/companies/" + company).body())
                .contains("No identity provider is connected yet");

        connectTestIdp(company);
        Scim scim = new Scim(http(), operator().issueScimToken(company));
        scim.createUser("sam@sso.test");
        ssoUser(company, "sam@sso.test");
        client().post("/saml/" + company + "/acs", Map.of("SAMLResponse", signedResponse(company, "nobody@sso.test")));

        String page = support.get("/support/companies/" + company).body();
        assertThat(page).contains("id=\"idp-entity-id\">" + io.gatehouse.saml.core.support.EntraResponse.IDP + "<");
        assertThat(page).containsPattern("id=\"last-success\">[^<]*sam@sso.test");
        assertThat(page).containsPattern("id=\"last-failure\">[^<]*UTC: [A-Z_]+ \\(reference ");
        assertThat(page).contains("id=\"certificates\"");
    }

    @Test
    void issuingATokenRedirectsSoThatReloadingThePageShowsItNoMoreAndIssuesNothing() {
        String company = operator().createCompany("Reload " + System.nanoTime(), "standard");
        WebClient support = supportTeam();
        String page = "/support/companies/" + company;

        Http.Response posted = act(support, company, "/tokens", Map.of());
        String stored = storedFlashAttributes();
        Http.Response shown = seeOther(support, posted, page);

        Matcher m = NEW_TOKEN.matcher(shown.body());
        assertThat(m.find()).as("the token on the page the POST redirected to").isTrue();
        String token = m.group(1);
        assertThat(shown.body()).contains("shown only this once").contains("id=\"issued-tenant-url\"");
        assertThat(shown.header("Cache-Control")).contains("no-store");
        assertThat(stored).as("the flash attribute waited in the session store, sealed").contains("issuedToken")
                .doesNotContain(token);
        for (int reload = 0; reload < 2; reload++) {
            Http.Response again = support.get(page);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.body()).doesNotContain(token).doesNotContain("id=\"new-token\"")
                    .contains(token.substring(0, 12));
        }
        assertThat(operator().call("GET", "/companies/" + company + "/scim-tokens", null).json().size())
                .as("one token: the reloads issued none").isEqualTo(1);
        assertThat(auditEntries(company, "SCIM_TOKEN_ISSUED")).as("one audit entry for the one action").isEqualTo(1);
        assertThat(new Scim(http(), token).get("/Users").status()).isEqualTo(200);
    }

    @Test
    void theSetupLinkIsShownOnceAfterTheRedirectAndAReloadCreatesNoOtherLink() {
        String company = operator().createCompany("Reload admin " + System.nanoTime(), "standard");
        WebClient support = supportTeam();
        String page = "/support/companies/" + company;
        String email = "reload" + System.nanoTime() + "@first.test";

        Http.Response posted = act(support, company, "/admins", Map.of("email", email, "displayName", "Rae"));
        String stored = storedFlashAttributes();
        Http.Response shown = seeOther(support, posted, page);

        Matcher m = SETUP_LINK.matcher(shown.body());
        assertThat(m.find()).isTrue();
        String setupPath = URI.create(m.group(1)).getPath();
        assertThat(shown.body()).contains("Setup link for <span>" + email + "</span>").contains("UTC, and replaces");
        assertThat(stored).contains("setupLink").doesNotContain(setupPath);
        Http.Response again = support.get(page);
        assertThat(again.body()).contains(email).doesNotContain(setupPath).doesNotContain("id=\"setup-link\"");
        assertThat(auditEntries(company, "BREAK_GLASS_ADMIN_CREATED")).isEqualTo(1);
        // The link shown is the one that works: the reload made no newer link that would replace it.
        Http.Response done = client().postWithCsrf(setupPath, setupPath, Map.of("password", PASSWORD,
                "confirm", PASSWORD));
        assertThat(location(done)).isEqualTo("/console");
    }

    @Test
    void aSecretFlashedForOneCompanyIsNotShownOnAnotherCompanysPage() {
        String company = operator().createCompany("Flash mine " + System.nanoTime(), "standard");
        String other = operator().createCompany("Flash other " + System.nanoTime(), "standard");
        WebClient support = supportTeam();

        Http.Response posted = act(support, company, "/tokens", Map.of());
        assertThat(posted.status()).isEqualTo(303);
        Http.Response elsewhere = support.get("/support/companies/" + other);

        assertThat(elsewhere.body()).doesNotContain("id=\"new-token\"");
        assertThat(NEW_TOKEN.matcher(support.get(location(posted)).body()).find())
                .as("the flash waits for its own page").isTrue();
    }

    @Test
    void createsTheFirstAdministratorWhoseSetupLinkSignsThemIn() {
        String company = operator().createCompany("First admin " + System.nanoTime(), "premium");
        WebClient support = supportTeam();
        assertThat(support.get("/support/companies/" + company).body()).contains("no administrator yet");
        String email = "first" + System.nanoTime() + "@first.test";

        Http.Response created = seeOther(support,
                act(support, company, "/admins", Map.of("email", email, "displayName", "Fay First")),
                "/support/companies/" + company);

        Matcher m = SETUP_LINK.matcher(created.body());
        assertThat(m.find()).isTrue();
        String setupPath = URI.create(m.group(1)).getPath();
        assertThat(support.get("/support/companies/" + company).body()).contains(email)
                .doesNotContain(setupPath);
        WebClient admin = client();
        Http.Response done = admin.postWithCsrf(setupPath, setupPath, Map.of("password", PASSWORD, "confirm", PASSWORD));
        assertThat(location(done)).isEqualTo("/console");
        assertThat(admin.get("/console").body()).contains(email);
        assertThat(operator().call("GET", "/companies/" + company + "/audit-log", null).body())
                .contains("BREAK_GLASS_ADMIN_CREATED");
        assertThat(act(support, company, "/admins", Map.of("email", "not-an-email")).status()).isEqualTo(400);
    }
}
