package io.gatehouse.oidc;

import static io.gatehouse.oidc.MicrosoftCompanies.enc;
import static io.gatehouse.oidc.MicrosoftCompanies.offer;
import static io.gatehouse.oidc.MicrosoftCompanies.offerAndApprove;
import static io.gatehouse.oidc.MicrosoftCompanies.provision;
import static io.gatehouse.oidc.MicrosoftCompanies.query;
import static io.gatehouse.oidc.MicrosoftCompanies.returnWithToken;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.oidc.MicrosoftCompanies.TestCompany;
import io.gatehouse.saml.LoginEvent;
import io.gatehouse.saml.LoginLog;
import io.gatehouse.support.FormBrowser;
import io.gatehouse.support.Http;
import io.gatehouse.tenancy.CompanyId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** "Sign in with Microsoft" against a real OpenID provider on localhost, end to end over HTTP. */
class OidcSignInIT extends OidcIntegrationTest {

    @Autowired
    LoginLog loginLog;

    TestCompany company;
    String tenant;
    String oid;
    String userName;

    @BeforeEach
    void approvedCompanyWithAProvisionedUser() {
        company = company();
        tenant = LocalEntra.newTenant();
        offerAndApprove(company, tenant);
        oid = UUID.randomUUID().toString();
        userName = "pat" + System.nanoTime() + "@acme.test";
        provision(company, userName, oid, true);
    }

    @Test
    void signsInAProvisionedUserThroughTheAuthorizationCodeFlowWithPkce() throws Exception {
        FormBrowser web = browser();
        URI authorize = start(web, "/oidc/login?target=/app");
        Map<String, String> request = query(authorize);
        assertThat(request).containsEntry("client_id", LocalEntra.CLIENT_ID)
                .containsEntry("redirect_uri", "https://gatehouse.test/oidc/callback")
                .containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256")
                .containsKeys("state", "nonce", "code_challenge");
        assertThat(request.get("scope").split(" ")).contains("openid", "profile", "email");

        // The provider signs the person in and sends the browser back to our redirect URI with a code.
        LocalEntra.nextToken(LocalEntra.claims(tenant, oid, userName), 3600);
        HttpResponse<String> answer = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(authorize).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(302);
        URI back = URI.create(answer.headers().firstValue("Location").orElseThrow());
        assertThat(back.getPath()).isEqualTo("/oidc/callback");
        assertThat(query(back)).containsEntry("state", request.get("state")).containsKey("code");

        Http.Response signedIn = web.get("/oidc/callback?" + back.getRawQuery());
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(302);
        assertThat(signedIn.header("Location")).isEqualTo("/app");
        assertThat(web.cookie("GATEHOUSE_SESSION")).isNotNull();
        assertThat(web.get("/app").status()).isEqualTo(200);
        assertThat(lastLogin().outcome()).isEqualTo("SUCCESS");
        assertThat(lastLogin().detail()).contains("Sign in with Microsoft").contains("externalId = oid");
    }

    @Test
    void linksByPreferredUsernameWhenTheCompanyChoseUserName() {
        offer(company, "USER_NAME");
        FormBrowser web = browser();
        URI authorize = start(web, "/oidc/login");
        Http.Response signedIn = returnWithToken(web, authorize, token(authorize, Map.of("oid", "not-provisioned")));
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(302);
        assertThat(lastLogin().detail()).contains("userName = preferred_username");
    }

    @Test
    void refusesATokenIssuedForAnotherApplication() {
        assertRefused(Map.of("aud", "another-application"), "AUDIENCE_MISMATCH");
    }

    @Test
    void refusesATokenWhoseIssuerIsNotTheIssuerOfItsTenant() {
        assertRefused(Map.of("iss", LocalEntra.issuerOf(LocalEntra.newTenant())), "ISSUER_MISMATCH");
    }

    @Test
    void refusesATokenWithoutTenant() {
        FormBrowser web = browser();
        URI authorize = start(web, "/oidc/" + company.id() + "/login");
        Http.Response refused = returnWithToken(web, authorize, token(authorize, Map.of("tid", "organizations")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(lastLogin().outcome()).isEqualTo("ISSUER_MISMATCH");
    }

    @Test
    void refusesATokenSignedWithAKeyTheProviderNeverPublished() {
        FormBrowser web = browser();
        URI authorize = start(web, "/oidc/" + company.id() + "/login");
        Http.Response refused = returnWithToken(web, authorize, LocalEntra.forged(token(authorize, Map.of())));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(lastLogin().outcome()).isEqualTo("SIGNATURE_INVALID");
        assertThat(web.cookie("GATEHOUSE_SESSION")).isNull();
    }

    @Test
    void refusesAnIdTokenUsedASecondTime() {
        FormBrowser first = browser();
        URI authorize = start(first, "/oidc/" + company.id() + "/login");
        String idToken = token(authorize, Map.of());
        assertThat(returnWithToken(first, authorize, idToken).status()).isEqualTo(302);

        FormBrowser attacker = browser();
        URI again = start(attacker, "/oidc/" + company.id() + "/login");
        Http.Response replayed = returnWithToken(attacker, again, idToken);
        assertThat(replayed.status()).isEqualTo(403);
        assertThat(replayed.body()).contains("This sign-in has expired");
        assertThat(lastLogin().outcome()).isEqualTo("TOKEN_REPLAYED");
        assertThat(attacker.cookie("GATEHOUSE_SESSION")).isNull();
    }

    @Test
    void refusesAStateUsedASecondTime() {
        FormBrowser web = browser();
        URI authorize = start(web, "/oidc/" + company.id() + "/login");
        assertThat(returnWithToken(web, authorize, token(authorize, Map.of())).status()).isEqualTo(302);
        Http.Response again = returnWithToken(web, authorize, token(authorize, Map.of()));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("This sign-in has expired");
    }

    @Test
    void refusesAnExpiredIdToken() {
        FormBrowser web = browser();
        URI authorize = start(web, "/oidc/" + company.id() + "/login");
        Http.Response refused = returnWithToken(web, authorize, token(authorize, tenant, Map.of(), -600));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(lastLogin().outcome()).isEqualTo("EXPIRED");
    }

    @Test
    void refusesATokenWhoseNonceIsNotTheOneThisSignInSent() {
        assertRefused(Map.of("nonce", "nonce-of-another-sign-in"), "NONCE_MISMATCH");
    }

    @Test
    void refusesACallbackFinishedInAnotherBrowser() {
        FormBrowser victim = browser();
        URI authorize = start(victim, "/oidc/" + company.id() + "/login");
        FormBrowser other = browser();
        Http.Response refused = returnWithToken(other, authorize, token(authorize, Map.of()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(other.cookie("GATEHOUSE_SESSION")).isNull();
    }

    @Test
    void aTokenFromATenantNobodyApprovedSignsNobodyIn() {
        FormBrowser web = browser();
        URI authorize = start(web, "/oidc/login");
        Http.Response refused = returnWithToken(web, authorize,
                token(authorize, LocalEntra.newTenant(), Map.of(), 3600));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Need admin approval");
        assertThat(web.cookie("GATEHOUSE_SESSION")).isNull();
    }

    @Test
    void aTokenOfAnotherCompanysTenantDoesNotSignInToThisCompany() {
        TestCompany other = company();
        String otherTenant = LocalEntra.newTenant();
        offerAndApprove(other, otherTenant);
        FormBrowser web = browser();
        URI authorize = start(web, "/oidc/" + company.id() + "/login");
        Http.Response refused = returnWithToken(web, authorize, token(authorize, otherTenant, Map.of(), 3600));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(lastLogin().outcome()).isEqualTo("TENANT_MISMATCH");
    }

    @Test
    void aCompanyThatSwitchedTheMethodOffSignsNobodyInThroughIt() {
        Http.Response off = company.admin().postWithCsrf("/console/settings/sso", "/console/settings/sso/oidc",
                Map.of("linkBy", "EXTERNAL_ID"));
        assertThat(off.status()).isEqualTo(200);
        FormBrowser web = browser();
        URI authorize = start(web, "/oidc/login");
        Http.Response refused = returnWithToken(web, authorize, token(authorize, Map.of()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Sign in with Microsoft is switched off");
        assertThat(lastLogin().outcome()).isEqualTo("METHOD_OFF");
        assertThat(web.cookie("GATEHOUSE_SESSION")).isNull();
    }

    @Test
    void refusesAnAccountThatWasNeverProvisioned() {
        Http.Response refused = assertRefused(Map.of("oid", UUID.randomUUID().toString()), "USER_UNKNOWN");
        assertThat(refused.body()).contains("Your account is not set up in Gatehouse");
    }

    @Test
    void refusesADeactivatedUser() {
        String deactivated = UUID.randomUUID().toString();
        provision(company, "gone" + System.nanoTime() + "@acme.test", deactivated, false);
        Http.Response refused = assertRefused(Map.of("oid", deactivated), "USER_DEACTIVATED");
        assertThat(refused.body()).contains("Your account is deactivated");
    }

    @Test
    void entrasConsentRequiredAnswerGivesTheNeedAdminApprovalPageNamingTheAdministrators() {
        FormBrowser web = browser();
        URI authorize = start(web, "/oidc/" + company.id() + "/login");
        Http.Response page = web.get("/oidc/callback?error=consent_required&error_description="
                + enc("AADSTS65001: The user or administrator has not consented to use the application.")
                + "&state=" + enc(query(authorize).get("state")));
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("Need admin approval").contains("Ada Admin").contains("AADSTS65001")
                .contains("Approve for my organization");
        assertThat(lastLogin().outcome()).isEqualTo("CONSENT_REQUIRED");
    }

    @Test
    void entrasAdminApprovalRequiredCodeGivesTheNeedAdminApprovalPage() {
        FormBrowser web = browser();
        URI authorize = start(web, "/oidc/login");
        Http.Response page = web.get("/oidc/callback?error=access_denied&error_description="
                + enc("AADSTS90094: Admin consent is required for the permissions requested by this application.")
                + "&state=" + enc(query(authorize).get("state")));
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("Need admin approval").contains("AADSTS90094");
    }

    @Test
    void otherEntraErrorsGiveTheirAdviceNotARawError() {
        FormBrowser web = browser();
        URI authorize = start(web, "/oidc/" + company.id() + "/login");
        Http.Response page = web.get("/oidc/callback?error=access_denied&error_description="
                + enc("AADSTS50105: The signed in user is not assigned to a role for the application.")
                + "&state=" + enc(query(authorize).get("state")));
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("You have not been given access to Gatehouse");
        assertThat(lastLogin().outcome()).isEqualTo("PROVIDER_ERROR");
    }

    @Test
    void aMemberOfACompanyNobodyApprovedYetIsToldWhoMustApprove() {
        TestCompany pending = company();
        offer(pending, "EXTERNAL_ID");
        Http.Response page = browser().get("/oidc/" + pending.id() + "/login");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("Need admin approval").contains("Ada Admin")
                .contains(pending.name());
    }

    @Test
    void aCompanyThatDoesNotOfferTheMethodAnswersNotAvailable() {
        TestCompany off = company();
        Http.Response page = browser().get("/oidc/" + off.id() + "/login");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("does not offer Sign in with Microsoft");
    }

    @Test
    void theLoginPageShowsTheButton() {
        assertThat(browser().get("/login").body()).contains("Sign in with Microsoft").contains("/oidc/login");
    }

    private Http.Response assertRefused(Map<String, Object> overrides, String code) {
        FormBrowser web = browser();
        URI authorize = start(web, "/oidc/" + company.id() + "/login");
        Http.Response refused = returnWithToken(web, authorize, token(authorize, overrides));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("Whitelabel");
        assertThat(lastLogin().outcome()).isEqualTo(code);
        assertThat(web.cookie("GATEHOUSE_SESSION")).isNull();
        return refused;
    }

    /** A correctly signed ID token for this sign-in (its nonce), with some claims replaced. */
    private String token(URI authorize, Map<String, Object> overrides) {
        return token(authorize, tenant, overrides, 3600);
    }

    private String token(URI authorize, String tokenTenant, Map<String, Object> overrides, long expirySeconds) {
        Map<String, Object> claims = new java.util.HashMap<>(LocalEntra.claims(tokenTenant, oid, userName));
        claims.put("nonce", query(authorize).get("nonce"));
        claims.putAll(overrides);
        return LocalEntra.signedIdToken(claims, expirySeconds);
    }

    private LoginEvent lastLogin() {
        return loginLog.recent(new CompanyId(UUID.fromString(company.id())), 1).get(0);
    }
}
