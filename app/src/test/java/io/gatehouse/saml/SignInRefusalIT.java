package io.gatehouse.saml;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.saml.core.support.TestIdp;
import io.gatehouse.saml.core.support.TestKeys;
import io.gatehouse.saml.core.support.XmlSigning;
import io.gatehouse.support.Http;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;

/**
 * Refused sign-ins: a plain page with the name of the check that failed and a reference for the person, the typed
 * reason with expected and actual values in the company's log.
 */
class SignInRefusalIT extends SamlIntegrationTest {

    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    @Test
    void unknownUserIsToldTheirAccountIsNotSetUpAndTheLogSaysWho() {
        SsoCompany company = ssoCompany();

        Http.Response acs = signIn(browser(), company, "nobody@contoso.test");

        assertThat(acs.status()).isEqualTo(403);
        assertThat(acs.body()).contains("Your account is not set up in Gatehouse").contains("Users and groups");
        JsonNode row = latest(company);
        assertThat(row.path("outcome").asString()).isEqualTo("USER_UNKNOWN");
        assertThat(row.path("nameId").asString()).isEqualTo("nobody@contoso.test");
        assertThat(acs.body()).contains(row.path("reference").asString());
    }

    @Test
    void userAssignmentErrorFromEntraTellsWhatTheAdminMustDo() {
        SsoCompany company = ssoCompany();
        String requestId = startSignIn(browser(), company, null);

        Http.Response acs = browser().postForm(company.acs(), EntraLikeIdp.form(EntraLikeIdp.error(company.id(),
                requestId, "urn:oasis:names:tc:SAML:2.0:status:RequestDenied",
                "AADSTS50105: Your administrator has configured the application Gatehouse to block users unless "
                        + "they are specifically granted ('assigned') access to the application."), null));

        assertThat(acs.status()).isEqualTo(403);
        assertThat(acs.body()).contains("You have not been given access to Gatehouse").contains("Users and groups")
                .contains("AADSTS50105");
        JsonNode row = latest(company);
        assertThat(row.path("outcome").asString()).isEqualTo("STATUS_NOT_SUCCESS");
        assertThat(row.path("detail").asString()).contains("AADSTS50105");
        assertThat(row.path("actual").asString()).isEqualTo("urn:oasis:names:tc:SAML:2.0:status:Requester");
    }

    @Test
    void consentErrorFromEntraShowsNeedAdminApproval() {
        SsoCompany company = ssoCompany();

        Http.Response acs = browser().postForm(company.acs(), EntraLikeIdp.form(EntraLikeIdp.error(company.id(),
                null, null, "AADSTS90094: The grant requires admin permission."), null));

        assertThat(acs.status()).isEqualTo(403);
        assertThat(acs.body()).contains("Need admin approval").contains("Grant admin consent").contains("AADSTS90094");
    }

    @Test
    void responseSignedByAnotherKeyIsRefusedWithTheTypedCodeInTheLog() {
        SsoCompany company = ssoCompany();
        company.scim().createUser("forged@contoso.test");

        Http.Response acs = browser().postForm(company.acs(), EntraLikeIdp.form(EntraLikeIdp.signedWith(
                EntraLikeIdp.response(company.id(), null, "forged@contoso.test"),
                TestKeys.ATTACKER), null));

        assertThat(acs.status()).isEqualTo(403);
        String code = latest(company).path("outcome").asString();
        assertThat(code).isIn("SIGNATURE_INVALID", "UNTRUSTED_KEY");
        assertThat(acs.body()).contains("We could not sign you in").contains("Check that failed")
                .contains("<code id=\"check\">" + code + "</code>")
                .doesNotContain("SHA-256").doesNotContain(TestKeys.ATTACKER.certificate().getSubjectX500Principal()
                        .getName()); // the check's name, never its expected and actual values
    }

    @Test
    void aDuplicatedSignatureShowsItsOwnCodeOnThePageAndInTheLog() {
        SsoCompany company = ssoCompany();
        company.scim().createUser("twice@contoso.test");
        String twice = Base64.getEncoder().encodeToString(TestIdp.sign(
                EntraLikeIdp.response(company.id(), null, "twice@contoso.test"), doc -> {
                    Element assertion = XmlSigning.assertion(doc);
                    XmlSigning.sign(assertion, TestKeys.IDP, XmlSigning.RSA_SHA256, XmlSigning.SHA256, true);
                    Node signature = assertion.getElementsByTagNameNS(DSIG, "Signature").item(0);
                    assertion.insertBefore(signature.cloneNode(true), signature);
                }));

        Http.Response acs = browser().postForm(company.acs(), EntraLikeIdp.form(twice, null));

        assertThat(acs.status()).isEqualTo(403);
        JsonNode row = latest(company);
        assertThat(row.path("outcome").asString()).isEqualTo("DUPLICATE_SIGNATURE");
        assertThat(acs.body()).contains("<code id=\"check\">DUPLICATE_SIGNATURE</code>")
                .contains(row.path("reference").asString());
    }

    @Test
    void aRefusalDecidedAfterValidationShowsItsCodeToo() {
        SsoCompany company = ssoCompany();

        Http.Response acs = signIn(browser(), company, "stranger@contoso.test");

        assertThat(acs.body()).contains("<code id=\"check\">USER_UNKNOWN</code>");
    }

    @Test
    void responseForAnotherCompanysAudienceIsRefused() {
        SsoCompany acme = ssoCompany();
        SsoCompany other = ssoCompany();
        acme.scim().createUser("aud@contoso.test");
        var response = EntraLikeIdp.response(acme.id(), null, "aud@contoso.test");
        response.audience = "https://gatehouse.test/saml/" + other.id() + "/metadata";

        Http.Response acs = browser().postForm(acme.acs(), EntraLikeIdp.form(EntraLikeIdp.signed(response), null));

        assertThat(acs.status()).isEqualTo(403);
        JsonNode row = latest(acme);
        assertThat(row.path("outcome").asString()).isEqualTo("AUDIENCE_MISMATCH");
        assertThat(row.path("expected").asString()).isEqualTo("https://gatehouse.test/saml/" + acme.id() + "/metadata");
        assertThat(row.path("actual").asString()).contains(other.id());
    }

    @Test
    void garbageAndOversizedPostsAreRefusedWithoutSigningAnyoneIn() {
        SsoCompany company = ssoCompany();

        Http.Response garbage = browser().postForm(company.acs(), EntraLikeIdp.form("not a saml response", null));
        Http.Response huge = browser().postForm(company.acs(), EntraLikeIdp.form("A".repeat(600 * 1024), null));

        assertThat(garbage.status()).isEqualTo(403);
        assertThat(latest(company).path("outcome").asString()).isEqualTo("MALFORMED_XML");
        assertThat(huge.status()).isEqualTo(413);
    }

    @Test
    void acsOfAnUnknownCompanyIs404() {
        Http.Response acs = browser().postForm("/saml/00000000-0000-0000-0000-000000000000/acs",
                EntraLikeIdp.form("x", null));

        assertThat(acs.status()).isEqualTo(404);
    }

    private JsonNode latest(SsoCompany company) {
        return operator().call("GET", "/companies/" + company.id() + "/saml-log?limit=1", null).json().get(0);
    }
}
