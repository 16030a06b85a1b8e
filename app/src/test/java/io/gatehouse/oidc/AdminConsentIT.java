package io.gatehouse.oidc;

import static io.gatehouse.oidc.MicrosoftCompanies.consentAnswer;
import static io.gatehouse.oidc.MicrosoftCompanies.enc;
import static io.gatehouse.oidc.MicrosoftCompanies.offer;
import static io.gatehouse.oidc.MicrosoftCompanies.offerAndApprove;
import static io.gatehouse.oidc.MicrosoftCompanies.proofToken;
import static io.gatehouse.oidc.MicrosoftCompanies.proveWithTokenOf;
import static io.gatehouse.oidc.MicrosoftCompanies.provision;
import static io.gatehouse.oidc.MicrosoftCompanies.query;
import static io.gatehouse.oidc.MicrosoftCompanies.returnWithToken;
import static io.gatehouse.oidc.MicrosoftCompanies.startApproval;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.oidc.MicrosoftCompanies.TestCompany;
import io.gatehouse.support.FormBrowser;
import io.gatehouse.support.Http;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import io.gatehouse.saml.LoginLog;
import io.gatehouse.tenancy.CompanyId;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Approve for my organization": Entra's admin consent round trip and what the console shows around it. */
class AdminConsentIT extends OidcIntegrationTest {

    @Autowired
    LoginLog loginLog;

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

        URI authorize = consentAnswer(company, consent, tenant);
        Http.Response back = proveWithTokenOf(company, authorize, tenant);
        assertThat(back.status()).as(back.toString()).isEqualTo(302);

        String sso = company.admin().get(back.header("Location")).body();
        assertThat(sso).contains("Approved: people of your organization can now use Sign in with Microsoft.")
                .contains("Approved for Entra tenant " + tenant + " by " + company.adminEmail())
                .doesNotContain("oidc-approval-banner");
        Http.Response audit = operator().call("GET", "/companies/" + company.id() + "/audit-log", null);
        assertThat(audit.body()).contains("OIDC_ADMIN_CONSENT_GRANTED").contains(tenant)
                .contains(company.adminEmail()).doesNotContain("OIDC_ADMIN_CONSENT_REFUSED");
    }

    @Test
    void theConsentAnswerAloneBindsNothingButAsksForAnIdTokenWithPkceAndNonce() {
        URI authorize = consentAnswer(company, startApproval(company.admin()), tenant);
        assertThat(query(authorize)).containsEntry("client_id", LocalEntra.CLIENT_ID)
                .containsEntry("redirect_uri", "https://gatehouse.test/oidc/callback")
                .containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256")
                .containsKeys("state", "nonce", "code_challenge");
        assertNotApproved();
    }

    @Test
    void aTamperedTenantOnTheConsentAnswerBindsNothingAndTheRealOwnerCanStillApprove() {
        // Company A's administrator consents for A's own tenant, then edits the answer to name victim tenant B.
        String victimTenant = LocalEntra.newTenant();
        Http.Response back = approve(victimTenant, tenant);
        assertThat(back.status()).isEqualTo(400);
        assertThat(back.body()).contains("Gatehouse was not approved")
                .contains("does not belong to the organization that was approved");
        assertRefusedAndAudited(victimTenant, tenant);

        TestCompany owner = company();
        offerAndApprove(owner, victimTenant);
        assertThat(owner.admin().get("/console/settings/sso").body())
                .contains("Approved for Entra tenant " + victimTenant);
    }

    @Test
    void anIdTokenOfAnotherTenantThanTheConsentedOneBindsNothing() {
        String otherTenant = LocalEntra.newTenant();
        assertThat(approve(tenant, otherTenant).status()).isEqualTo(400);
        assertRefusedAndAudited(tenant, otherTenant);
    }

    @Test
    void anIdTokenThatFailsValidationBindsNothing() {
        URI authorize = consentAnswer(company, startApproval(company.admin()), tenant);
        Http.Response back = returnWithToken(company.admin(), authorize,
                LocalEntra.forged(proofToken(authorize, tenant, UUID.randomUUID().toString())));
        assertThat(back.status()).isEqualTo(400);
        assertThat(back.body()).contains("could not be verified");
        assertNotApproved();
        assertThat(auditLog(company)).contains("OIDC_ADMIN_CONSENT_REFUSED").contains("SIGNATURE_INVALID");
    }

    @Test
    void anIdTokenWithAnotherNonceBindsNothing() {
        URI authorize = consentAnswer(company, startApproval(company.admin()), tenant);
        Map<String, Object> claims = new java.util.HashMap<>(LocalEntra.claims(tenant, UUID.randomUUID().toString(),
                "it-admin@acme.test"));
        claims.put("nonce", "not-the-nonce-we-sent");
        Http.Response back = returnWithToken(company.admin(), authorize, LocalEntra.signedIdToken(claims, 3600));
        assertThat(back.status()).isEqualTo(400);
        assertNotApproved();
        assertThat(auditLog(company)).contains("NONCE_MISMATCH");
    }

    @Test
    void theConsentProofNeverSignsAMemberIn() {
        offerAndApprove(company, tenant);
        String memberOid = UUID.randomUUID().toString();
        provision(company, "member" + System.nanoTime() + "@acme.test", memberOid, true);
        URI authorize = consentAnswer(company, startApproval(company.admin()), tenant);

        // The proof's answer, with a valid token of a provisioned member, arrives in a browser without a session.
        FormBrowser member = browser();
        Http.Response back = returnWithToken(member, authorize, proofToken(authorize, tenant, memberOid));
        assertThat(back.status()).isEqualTo(400);
        assertThat(back.body()).contains("Sign in first");
        assertThat(member.cookie("GATEHOUSE_SESSION")).isNull();
        assertThat(member.get("/app").status()).isNotEqualTo(200);
        assertThat(loginLog.recent(new CompanyId(UUID.fromString(company.id())), 20))
                .noneMatch(e -> "SUCCESS".equals(e.outcome()));
    }

    @Test
    void aSignInStateCannotBindAndAConsentStateCannotSignIn() {
        URI signIn = start(browser(), "/oidc/login");
        Http.Response atConsent = company.admin().get("/oidc/consent/callback?admin_consent=True&tenant=" + tenant
                + "&state=" + enc(query(signIn).get("state")));
        assertThat(atConsent.status()).isEqualTo(400);
        assertThat(atConsent.body()).contains("This approval link has expired");

        URI consent = startApproval(company.admin());
        Http.Response atSignIn = returnWithToken(company.admin(), consent, LocalEntra.signedIdToken(
                LocalEntra.claims(tenant, UUID.randomUUID().toString(), "it-admin@acme.test"), 3600));
        assertThat(atSignIn.status()).isEqualTo(400);
        assertThat(atSignIn.body()).contains("This sign-in has expired");
        assertNotApproved();
    }

    @Test
    void anAdministratorWhoLostThePermissionDuringTheRoundTripBindsNothing() {
        URI authorize = consentAnswer(company, startApproval(company.admin()), tenant);
        // While the administrator is at Microsoft, a colleague becomes administrator and theirs is taken away.
        assertThat(operator().call("POST", "/companies/" + company.id() + "/admins",
                "{\"email\":\"colleague" + System.nanoTime() + "@acme.test\",\"displayName\":\"Col League\"}")
                .status()).isEqualTo(201);
        String adminId = userIdOf(company.adminEmail());
        assertThat(operator().call("DELETE", "/companies/" + company.id() + "/roles/users/" + adminId
                + "/administrator", null).status()).isEqualTo(204);

        Http.Response back = proveWithTokenOf(company, authorize, tenant);

        assertThat(back.status()).isEqualTo(400);
        assertThat(back.body()).contains("You can no longer change these settings");
        assertThat(auditLog(company)).doesNotContain("OIDC_ADMIN_CONSENT_GRANTED");
        // Given the role back, the administrator sees the company still unapproved.
        assertThat(operator().call("PUT", "/companies/" + company.id() + "/roles/users/" + adminId
                + "/administrator", null).status()).isEqualTo(204);
        assertNotApproved();
    }

    private String userIdOf(String email) {
        for (var admin : operator().call("GET", "/companies/" + company.id() + "/admins", null).json()
                .path("admins")) {
            if (admin.path("userName").asString().equalsIgnoreCase(email)) {
                return admin.path("userId").asString();
            }
        }
        throw new AssertionError("no administrator " + email);
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
        Http.Response back = proveWithTokenOf(company, consentAnswer(company, consent, tenant), tenant);
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

    /** The admin consent answer names {@code consented}; the administrator's proof token is of {@code tokenTenant}. */
    private Http.Response approve(String consented, String tokenTenant) {
        return proveWithTokenOf(company, consentAnswer(company, startApproval(company.admin()), consented),
                tokenTenant);
    }

    private void assertRefusedAndAudited(String consented, String tokenTenant) {
        assertNotApproved();
        assertThat(company.admin().get("/console/settings/sso").body()).doesNotContain(consented)
                .doesNotContain(tokenTenant);
        assertThat(auditLog(company)).contains("OIDC_ADMIN_CONSENT_REFUSED").contains(consented)
                .contains(tokenTenant).doesNotContain("OIDC_ADMIN_CONSENT_GRANTED");
    }

    private String auditLog(TestCompany c) {
        return operator().call("GET", "/companies/" + c.id() + "/audit-log", null).body();
    }

    private void assertNotApproved() {
        assertThat(company.admin().get("/console/settings/sso").body()).contains("oidc-not-approved")
                .contains("oidc-approval-banner");
    }
}
