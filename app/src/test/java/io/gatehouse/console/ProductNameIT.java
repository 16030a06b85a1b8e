package io.gatehouse.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The operator's product name (GATEHOUSE_PRODUCT_NAME) on every surface a person reads: the sign-in and console
 * pages, the instructions naming the Entra enterprise application, refusal pages and the SP metadata's display
 * name. With another name configured, "Gatehouse" appears nowhere on them.
 */
@TestPropertySource(properties = "gatehouse.product-name=Acme Identity")
class ProductNameIT extends SupportConsoleTest {

    private static final String NAME = "Acme Identity";

    @Test
    void signInConsoleAndSupportPagesCarryTheConfiguredName() {
        TestCompany c = companyWithAdmin("premium");
        scim(c.id()); // a SCIM token: Entra manages the directory, the users page says where to assign people
        WebClient admin = signedInAdmin(c);

        assertNamed(client().get("/login"), "Sign in to " + NAME);
        assertNamed(admin.get("/console"), NAME);
        assertNamed(admin.get("/console/users"), "Assign people to the " + NAME + " enterprise application")
                .contains("Enterprise applications → " + NAME + " → Users and groups");
        assertNamed(admin.get("/console/provisioning"), "name it\n            <strong>" + NAME + "</strong>");
        assertNamed(admin.get("/console/settings/sso"), NAME);
        assertNamed(admin.get("/console/no-such-page"), NAME);
        assertNamed(supportTeam().get("/support/companies"), NAME + "</strong> · Support console");
        assertNamed(client().get("/support/sign-in"), "For the " + NAME + " support team");
        assertNamed(client().get("/oauth2/sign-in?continue=" + java.net.URLEncoder.encode(
                "/oauth2/authorize?client_id=x", java.nio.charset.StandardCharsets.UTF_8)), "<title>Sign in with your"
                + " organization · " + NAME + "</title>");
        assertNamed(client().get("/oauth2/sign-in"), "<title>This sign-in request cannot be continued · " + NAME);
    }

    @Test
    void aRefusedSignInNamesTheEnterpriseApplicationByTheConfiguredName() {
        TestCompany c = companyWithAdmin("standard");
        connectTestIdp(c.id());

        Http.Response refused = client().post("/saml/" + c.id() + "/acs",
                Map.of("SAMLResponse", signedResponse(c.id(), "nobody" + System.nanoTime() + "@acme.test")));

        assertNamed(refused, "Your account is not set up in " + NAME)
                .contains("Enterprise applications → " + NAME + " → Users and groups");
    }

    @Test
    void theSpMetadataCarriesTheNameAsDisplayName() {
        TestCompany c = companyWithAdmin("standard");

        Http.Response metadata = client().get("/saml/" + c.id() + "/metadata");

        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.body()).contains("<mdui:DisplayName xml:lang=\"en\">" + NAME + "</mdui:DisplayName>");
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertNamed(Http.Response page, String expected) {
        return assertThat(page.body()).as(page.toString()).contains(expected).doesNotContain("Gatehouse")
                .doesNotContain("{product}");
    }
}
