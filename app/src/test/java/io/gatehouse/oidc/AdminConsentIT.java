package io.gatehouse.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.FormBrowser;
import io.gatehouse.support.Http;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Approve for my organization": Entra's admin consent round trip and what the console shows around it. */
class AdminConsentIT extends OidcIntegrationTest {

    TestCompany company;
    String tenant;

    @BeforeEach
    void offeredButNotApproved() {
        company = company();
        tenant = LocalEntra.newTenant();
        offer(company, "EXTERNAL_ID");
    }

    @Test
    void approvalBindsTheTenantAndRecordsWhoAndWhenInTheAuditLog() {
        URI consent = startApproval(company.admin());
        assertThat(consent.toString()).startsWith(LocalEntra.authorityBase() + "/organizations/v2.0/adminconsent?");
        Map<String, String> request = query(consent);
        assertThat(request).containsEntry("client_id", LocalEntra.CLIENT_ID)
                .containsEntry("redirect_uri", "https://gatehouse.test/oidc/consent/callback")
                .containsEntry("scope", "https://graph.microsoft.com/.default")
                .containsKey("state");

        Http.Response back = company.admin().get("/oidc/consent/callback?admin_consent=True&tenant=" + tenant
                + "&state=" + enc(request.get("state")));
        assertThat(back.status()).as(back.toString()).isEqualTo(302);

        String sso = company.admin().get(back.header("Location")).body();
        assertThat(sso).contains("Approved: people of your organization can now use Sign in with Microsoft.")
                .contains("Approved for Entra tenant " + tenant + " by " + company.adminEmail())
                .doesNotContain("oidc-approval-banner");
        Http.Response audit = operator().call("GET", "/companies/" + company.id() + "/audit-log", null);
        assertThat(audit.body()).contains("OIDC_ADMIN_CONSENT_GRANTED").contains(tenant)
                .contains(company.adminEmail());
    }

    @Test
    void theConsoleShowsTheApproveBannerWhileTheMethodIsOfferedButNotApproved() {
        String home = company.admin().get("/console").body();
        assertThat(home).contains("oidc-approval-banner").contains("Approve for my organization");
        offerAndApprove(company, tenant);
        assertThat(company.admin().get("/console").body()).doesNotContain("oidc-approval-banner");
    }

    @Test
    void refusesAStateItNeverIssued() {
        Http.Response back = company.admin().get("/oidc/consent/callback?admin_consent=True&tenant=" + tenant
                + "&state=forged-state");
        assertThat(back.status()).isEqualTo(400);
        assertThat(back.body()).contains("This approval link has expired");
        assertNotApproved();
    }

    @Test
    void refusesAStateUsedASecondTime() {
        URI consent = startApproval(company.admin());
        String state = query(consent).get("state");
        String path = "/oidc/consent/callback?admin_consent=True&tenant=" + tenant + "&state=" + enc(state);
        assertThat(company.admin().get(path).status()).isEqualTo(302);
        assertThat(company.admin().get(path).status()).isEqualTo(400);
    }

    @Test
    void refusesAStateStartedInAnotherSession() {
        URI consent = startApproval(company.admin());
        TestCompany other = company();
        Http.Response back = other.admin().get("/oidc/consent/callback?admin_consent=True&tenant=" + tenant
                + "&state=" + enc(query(consent).get("state")));
        assertThat(back.status()).isEqualTo(400);
        assertNotApproved();
    }

    @Test
    void aReturnWithoutSessionAsksToSignInFirst() {
        URI consent = startApproval(company.admin());
        Http.Response back = browser().get("/oidc/consent/callback?admin_consent=True&tenant=" + tenant
                + "&state=" + enc(query(consent).get("state")));
        assertThat(back.status()).isEqualTo(400);
        assertThat(back.body()).contains("Sign in first");
    }

    @Test
    void entrasRefusalIsShownPlainlyAndApprovesNothing() {
        URI consent = startApproval(company.admin());
        Http.Response back = company.admin().get("/oidc/consent/callback?error=access_denied&error_description="
                + enc("AADSTS65004: User declined to consent to access the app.") + "&state="
                + enc(query(consent).get("state")));
        assertThat(back.status()).isEqualTo(400);
        assertThat(back.body()).contains("Gatehouse was not approved").contains("cancelled or refused")
                .contains("AADSTS65004");
        assertNotApproved();
    }

    @Test
    void aReturnWithoutAdminConsentTrueApprovesNothing() {
        URI consent = startApproval(company.admin());
        Http.Response back = company.admin().get("/oidc/consent/callback?admin_consent=False&tenant=" + tenant
                + "&state=" + enc(query(consent).get("state")));
        assertThat(back.status()).isEqualTo(400);
        assertNotApproved();
    }

    @Test
    void aTenantApprovedForAnotherCompanyIsNotTakenOver() {
        TestCompany first = company();
        offerAndApprove(first, tenant);
        URI consent = startApproval(company.admin());
        Http.Response back = company.admin().get("/oidc/consent/callback?admin_consent=True&tenant=" + tenant
                + "&state=" + enc(query(consent).get("state")));
        assertThat(back.status()).isEqualTo(400);
        assertThat(back.body()).contains("already connected to another company");
        assertNotApproved();
    }

    @Test
    void approvingNeedsTheCsrfToken() {
        FormBrowser admin = company.admin();
        Http.Response refused = admin.post("/console/settings/sso/oidc/approve", Map.of());
        assertThat(refused.status()).isEqualTo(403);
    }

    private void assertNotApproved() {
        assertThat(company.admin().get("/console/settings/sso").body()).contains("oidc-not-approved")
                .contains("oidc-approval-banner");
    }
}
