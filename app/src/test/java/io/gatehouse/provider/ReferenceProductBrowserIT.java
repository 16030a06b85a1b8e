package io.gatehouse.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.product.DirectoryCopy;
import com.example.product.ReferenceProductApplication;
import io.gatehouse.access.Actor;
import io.gatehouse.access.Grantee;
import io.gatehouse.access.Space;
import io.gatehouse.access.SpaceRole;
import io.gatehouse.access.Spaces;
import io.gatehouse.console.HeadlessChromium;
import io.gatehouse.console.StubIdp;
import io.gatehouse.oidc.LocalEntra;
import io.gatehouse.oidc.MicrosoftCompanies;
import io.gatehouse.saml.EntraLikeIdp;
import io.gatehouse.support.Applications;
import io.gatehouse.support.EntraBodies;
import io.gatehouse.support.Http;
import io.gatehouse.support.Scim;
import io.gatehouse.tenancy.CompanyId;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The reference product (examples/reference-product) against this server, end to end in a real headless Chromium:
 * "Sign in with your company" → Gatehouse's authorize → the company's own sign-in → back to the product with the
 * code; the product's page shows the ID token's claims and the Spaces from the product API. The company's sign-in
 * is SAML (SP-initiated, answered by the test IdP) in one test and "Sign in with Microsoft" (the local OpenID
 * provider oidc.LocalEntra, approved by the company's administrator) in the other. Then SCIM {@code active:false}
 * for that user: within 5 s the product's session is gone (back-channel logout), its refresh token fails, and the
 * signed {@code user.deactivated} webhook reaches the product's local copy of the users. A sign-in started at the
 * identity provider (IdP-initiated SAML) ends signed in on the product through its initiate login URI.
 *
 * <p>The server's public base URL is its test address here (the product reads Gatehouse's discovery document and
 * checks the issuer, as in production), so the server runs on a port chosen before it starts. The product runs on
 * 127.0.0.1 too (its session cookie named apart) in this JVM, configured with the README's lines only.
 */
@TestPropertySource(properties = {"server.servlet.session.cookie.secure=false",
        "gatehouse.saml.metadata-fetch.allow-http=true", "gatehouse.events.webhooks.poll-interval=PT0.2S"})
class ReferenceProductBrowserIT extends ProviderIntegrationTest {

    private static final int GATEHOUSE_PORT = freePort();
    private static final String GATEHOUSE = "http://127.0.0.1:" + GATEHOUSE_PORT;

    @DynamicPropertySource
    static void publicAddress(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> GATEHOUSE_PORT);
        registry.add("gatehouse.base-url", () -> GATEHOUSE);
        MicrosoftCompanies.configure(registry);
    }

    @Autowired
    private Spaces spaces;

    private ConfigurableApplicationContext product;
    private ChromeDriver browser;
    private StubIdp idp;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (idp != null) {
            idp.close();
        }
        if (product != null) {
            product.close();
        }
    }

    @Test
    void signInThroughASamlCompanyShowsTheClaimsAndScimDeactivationEndsTheProductSessionWithin5Seconds()
            throws Exception {
        SamlCompany company = samlCompany();
        String userName = "mia" + System.nanoTime() + "@contoso.test";
        String userId = company.scim().createUser(userName);
        Product product = productFor(company.id(), company.scim(), userId);

        browser = HeadlessChromium.start("--host-resolver-rules=MAP login.microsoftonline.com 127.0.0.1:9");
        idp = new StubIdp(GATEHOUSE);
        startSignIn(product, company.id());

        // Gatehouse sends the browser to the company's IdP (Entra, unreachable here): the test IdP answers that
        // AuthnRequest and the browser posts the signed response to Gatehouse's ACS.
        wait(15).until(d -> d.getCurrentUrl().startsWith(EntraLikeIdp.SSO_URL));
        String toIdp = browser.getCurrentUrl();
        browser.get(idp.signInUrl(company.id(), userName, EntraLikeIdp.requestId(toIdp),
                EntraLikeIdp.query(toIdp).get("RelayState")));
        browser.findElement(By.id("continue")).click();

        assertSignedIn(product, userId, company.id(), userName, userName.substring(0, userName.indexOf('@'))
                + " Example", "saml");
        deactivationEndsTheProductSession(product, company.scim(), userId);
    }

    @Test
    void aSignInStartedAtTheIdentityProviderEndsSignedInOnTheProductThroughItsInitiateLoginUri() throws Exception {
        SamlCompany company = samlCompany();
        String userName = "my-apps" + System.nanoTime() + "@contoso.test";
        String userId = company.scim().createUser(userName);
        Product product = productFor(company.id(), company.scim(), userId);
        assertThat(operator().call("PATCH", "/applications/" + product.app().id(),
                "{\"initiateLoginUri\":\"" + product.base() + "/login/initiate\"}").status()).isEqualTo(200);

        browser = HeadlessChromium.start("--host-resolver-rules=MAP login.microsoftonline.com 127.0.0.1:9");
        idp = new StubIdp(GATEHOUSE);
        // Entra's My Apps: an unsolicited response, RelayState = the application's client id. Gatehouse hands the
        // sign-in to the product's /login/initiate, whose own code flow (PKCE, organization, login_hint) the fresh
        // Gatehouse session answers without another trip to the identity provider.
        browser.get(idp.idpInitiatedUrl(company.id(), userName, product.app().clientId()));
        browser.findElement(By.id("continue")).click();

        assertSignedIn(product, userId, company.id(), userName, userName.substring(0, userName.indexOf('@'))
                + " Example", "saml");
    }

    @Test
    void signInThroughASignInWithMicrosoftCompanyShowsTheClaimsAndScimDeactivationEndsTheProductSessionWithin5Seconds()
            throws Exception {
        // A company without SAML that offers "Sign in with Microsoft", approved by its administrator for a tenant;
        // the user provisioned by Entra's SCIM (externalId = the Entra object id, which links the sign-in).
        MicrosoftCompanies.TestCompany company = MicrosoftCompanies.create(http());
        String tenant = LocalEntra.newTenant();
        MicrosoftCompanies.offerAndApprove(company, tenant);
        String oid = UUID.randomUUID().toString();
        String userName = "noor" + System.nanoTime() + "@contoso.test";
        String userId = MicrosoftCompanies.provision(company, userName, oid, true);
        assertThat(company.scim().patch("/Users/" + userId, EntraBodies.patch("""
                [{"op":"Replace","path":"displayName","value":"Noor Haddad"},
                 {"op":"Add","path":"emails[type eq \\"work\\"].value","value":"%s"}]""".formatted(userName)))
                .status()).isEqualTo(200);
        Product product = productFor(company.id(), company.scim(), userId);

        browser = HeadlessChromium.start();
        // Entra signs the user in: the code Gatehouse exchanges at the local provider yields this ID token.
        LocalEntra.nextToken(LocalEntra.claims(tenant, oid, userName), 3600);
        startSignIn(product, company.id());

        assertSignedIn(product, userId, company.id(), userName, "Noor Haddad", "microsoft");
        deactivationEndsTheProductSession(product, company.scim(), userId);
    }

    /** The reference product running and registered for the company, with the user in a group and a Space. */
    private record Product(String base, Applications.TestApplication app, String webhookEndpoint,
                           ConfigurableApplicationContext context) {}

    /**
     * Gives the user the group "Finance", which may view the Space "Contracts" (not "Board only"), registers the
     * reference product as an application serving the company (back-channel logout, a webhook endpoint and an API
     * key) and starts it. The webhook endpoint stays off until {@link #deactivationEndsTheProductSession} turns it
     * on (delivery then resumes where it stopped), so that the back-channel logout alone must end the session.
     */
    private Product productFor(String companyId, Scim scim, String userId) {
        String group = scim.createGroup("Finance");
        assertThat(scim.patch("/Groups/" + group, EntraBodies.patch(
                "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + userId + "\"}]}]")).status())
                .isIn(200, 204);
        CompanyId id = CompanyId.parse(companyId).orElseThrow();
        Space contracts = spaces.create(id, new Actor.Operator(), "Contracts");
        spaces.create(id, new Actor.Operator(), "Board only");
        spaces.grant(id, new Actor.Operator(), contracts.id(), Grantee.group(UUID.fromString(group)),
                SpaceRole.VIEWER);

        int productPort = freePort();
        String productBase = "http://127.0.0.1:" + productPort;
        Applications.TestApplication app = applications().register("""
                {"name":"Reference product %d","clientType":"confidential",
                 "redirectUris":["%s/login/oauth2/code/gatehouse"],"companyIds":["%s"],
                 "backChannelLogoutUri":"%s/logout/back-channel"}
                """.formatted(System.nanoTime(), productBase, companyId, productBase));
        String apiKey = applications().issueKey(app.id());
        Http.Response endpoint = operator().call("POST", "/applications/" + app.id() + "/webhooks",
                "{\"url\":\"" + productBase + "/webhooks/gatehouse\"}");
        assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
        // Off at once, also because the product needs the endpoint's secret to start and until it listens every
        // delivery fails: events of the setup still being published would use up the endpoint's retry window (5 s
        // in the tests) on a loaded machine and disable it.
        String endpointPath = "/applications/" + app.id() + "/webhooks/" + endpoint.json().path("id").asString();
        assertThat(operator().call("PATCH", endpointPath, "{\"enabled\":false}").status()).isEqualTo(200);
        product = startProduct(productPort, app, apiKey, endpoint.json().path("secret").asString());
        return new Product(productBase, app, endpointPath, product);
    }

    /** The product's sign-in page; the test companies have no email domain, so the user gives the company id. */
    private void startSignIn(Product product, String companyId) {
        browser.get(product.base() + "/");
        browser.findElement(By.id("company")).sendKeys(companyId);
        browser.findElement(By.id("sign-in")).click();
    }

    /** Back at the product with the code, exchanged by Spring Security: the product's page shows who signed in. */
    private void assertSignedIn(Product product, String userId, String companyId, String email, String name,
                                String idp) {
        try {
            wait(20).until(d -> d.getCurrentUrl().equals(product.base() + "/home"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("not signed in to the product but at " + browser.getCurrentUrl() + ": "
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
        assertThat(text("sub")).isEqualTo(userId);
        assertThat(text("org-id")).isEqualTo(companyId);
        assertThat(text("email")).isEqualTo(email);
        assertThat(text("name")).isEqualTo(name);
        assertThat(text("idp")).isEqualTo(idp);
        assertThat(browser.findElements(By.cssSelector("#groups .group")).stream().map(e -> e.getText()).toList())
                .containsExactly("Finance");
        assertThat(browser.findElement(By.id("spaces")).getText()).contains("Contracts").contains("VIEWER")
                .doesNotContain("Board only");
    }

    /**
     * Entra deactivates the user: the product's session ends within 5 s by the back-channel logout (the webhook
     * endpoint is still off), the signed user.deactivated webhook reaches the product's copy of the users within 5 s
     * of the endpoint being turned on, and the refresh token the product holds fails with invalid_grant.
     */
    private void deactivationEndsTheProductSession(Product product, Scim scim, String userId) throws Exception {
        OAuth2AuthorizedClient client = product.context().getBean(OAuth2AuthorizedClientService.class)
                .loadAuthorizedClient("gatehouse", userId);
        assertThat(client).as("the product holds the user's tokens").isNotNull();
        String refreshToken = client.getRefreshToken().getTokenValue();
        assertThat(introspect(product.app(), refreshToken).json().path("active").asBoolean())
                .as("the refresh token is active before").isTrue();

        assertThat(scim.patch("/Users/" + userId, EntraBodies.patch(
                "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]")).status()).isEqualTo(200);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        boolean signedOut = false;
        while (!signedOut && System.nanoTime() < deadline) {
            browser.get(product.base() + "/home");
            signedOut = !browser.getCurrentUrl().startsWith(product.base() + "/home");
            if (!signedOut) {
                Thread.sleep(200);
            }
        }
        assertThat(signedOut).as("product session ended within 5 s; at " + browser.getCurrentUrl()).isTrue();
        assertThat(browser.findElements(By.id("sign-in"))).isNotEmpty();

        assertThat(operator().call("PATCH", product.webhookEndpoint(), "{\"enabled\":true}").status())
                .isEqualTo(200);
        DirectoryCopy directory = product.context().getBean(DirectoryCopy.class);
        long webhookDeadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < webhookDeadline
                && directory.find(userId).map(DirectoryCopy.LocalUser::active).orElse(true)) {
            Thread.sleep(100);
        }
        assertThat(directory.find(userId)).as("user.deactivated webhook received within 5 s").isPresent();
        assertThat(directory.find(userId).get().active()).isFalse();

        Http.Response refreshed = refresh(product.app(), refreshToken);
        assertThat(refreshed.status()).isEqualTo(400);
        assertThat(refreshed.json().path("error").asString()).isEqualTo("invalid_grant");
    }

    /** The reference product with the README's configuration lines and nothing of this server's configuration. */
    private static ConfigurableApplicationContext startProduct(int port, Applications.TestApplication app,
                                                               String apiKey, String webhookSecret) {
        return new SpringApplicationBuilder(ReferenceProductApplication.class).properties(Map.ofEntries(
                // the test classpath holds the server's application.properties: read no application.properties
                Map.entry("spring.config.name", "reference-product-in-test"),
                Map.entry("spring.main.banner-mode", "off"),
                Map.entry("spring.jmx.enabled", "false"),
                Map.entry("server.port", port),
                // same host as the server here (redirect URIs must be https or the loopback address): a cookie name
                // of its own, so the two sessions do not overwrite each other
                Map.entry("server.servlet.session.cookie.name", "PRODUCT_SESSION"),
                // the server's own dependencies on this classpath are none of the product's business
                Map.entry("spring.autoconfigure.exclude", String.join(",", List.of(
                        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                        "org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration",
                        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
                        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
                        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
                        "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
                        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                        "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration",
                        "org.springframework.boot.session.autoconfigure.SessionAutoConfiguration",
                        "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet."
                                + "OAuth2AuthorizationServerAutoConfiguration",
                        "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet."
                                + "OAuth2AuthorizationServerJwtAutoConfiguration"))),
                Map.entry("management.endpoints.enabled-by-default", "false"),
                // the README's lines
                Map.entry("spring.security.oauth2.client.provider.gatehouse.issuer-uri", GATEHOUSE),
                Map.entry("spring.security.oauth2.client.registration.gatehouse.client-id", app.clientId()),
                Map.entry("spring.security.oauth2.client.registration.gatehouse.client-secret", app.clientSecret()),
                Map.entry("spring.security.oauth2.client.registration.gatehouse.scope", "openid,profile,email,groups"),
                Map.entry("gatehouse.api-url", GATEHOUSE + "/api/v1"),
                Map.entry("gatehouse.api-key", apiKey),
                Map.entry("gatehouse.webhook-secrets", webhookSecret))).run();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private WebDriverWait wait(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
