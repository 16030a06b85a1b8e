package io.gatehouse.saml;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.saml.core.support.EntraResponse;
import io.gatehouse.saml.core.support.TestIdp;
import io.gatehouse.saml.core.support.TestKeys;
import io.gatehouse.saml.core.support.XmlSigning;
import io.gatehouse.support.Http;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.apache.xml.security.encryption.XMLCipher;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The whole SP-initiated sign-in over HTTP, as a browser goes through it with Entra in the middle. */
class SpInitiatedSignInIT extends SamlIntegrationTest {

    @Test
    void signInFromOurLoginUrlEndsOnTheLandingPageWithTheUsersNameAndCompany() {
        SsoCompany company = ssoCompany();
        company.scim().createUser("alice@contoso.test");
        String companyName = operator().call("GET", "/companies/" + company.id(), null).json().path("name").asString();
        Browser browser = browser();

        Http.Response start = browser.get(company.login() + "?target=/app");
        assertThat(start.status()).isEqualTo(302);
        String location = start.header("Location");
        assertThat(location).startsWith(EntraLikeIdp.SSO_URL + "?SAMLRequest=");
        assertThat(EntraLikeIdp.query(location)).containsEntry("RelayState", "/app").doesNotContainKey("Signature");
        Element request = EntraLikeIdp.authnRequest(location).getDocumentElement();
        assertThat(request.getAttribute("AssertionConsumerServiceURL"))
                .isEqualTo("https://gatehouse.test/saml/" + company.id() + "/acs");
        assertThat(request.getAttribute("Destination")).isEqualTo(EntraLikeIdp.SSO_URL);
        assertThat(request.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "Issuer").item(0)
                .getTextContent()).isEqualTo("https://gatehouse.test/saml/" + company.id() + "/metadata");

        EntraResponse response = EntraLikeIdp.response(company.id(), request.getAttribute("ID"), "alice@contoso.test");
        Http.Response acs = browser.postForm(company.acs(),
                EntraLikeIdp.form(EntraLikeIdp.signed(response), "/app"));

        assertThat(acs.status()).isEqualTo(302);
        assertThat(acs.header("Location")).endsWith("/app");
        assertThat(browser.cookie("GATEHOUSE_SESSION")).isNotBlank();
        Http.Response landing = browser.get("/app");
        assertThat(landing.status()).isEqualTo(200);
        assertThat(landing.body()).contains("alice Example").contains(companyName);
        Http.Response log = operator().call("GET", "/companies/" + company.id() + "/saml-log", null);
        assertThat(log.json().get(0).path("outcome").asString()).isEqualTo("SUCCESS");
        assertThat(log.json().get(0).path("nameId").asString()).isEqualTo("alice@contoso.test");
        assertThat(log.json().get(0).path("detail").asString()).contains("SP-initiated");
    }

    @Test
    void theTargetChosenAtTheStartIsWhereTheBrowserLandsWhateverRelayStateComesBack() {
        SsoCompany company = ssoCompany();
        company.scim().createUser("target@contoso.test");
        Browser browser = browser();
        String requestId = startSignIn(browser, company, "/app/spaces?tab=recent");

        Http.Response acs = browser.postForm(company.acs(), EntraLikeIdp.form(EntraLikeIdp.signed(
                EntraLikeIdp.response(company.id(), requestId, "target@contoso.test")), "/app/elsewhere"));

        assertThat(acs.header("Location")).endsWith("/app/spaces?tab=recent");
    }

    @Test
    void aRequestCanBeAnsweredOnlyOnce() {
        SsoCompany company = ssoCompany();
        company.scim().createUser("once@contoso.test");
        Browser browser = browser();
        String requestId = startSignIn(browser, company, null);

        Http.Response first = browser.postForm(company.acs(), EntraLikeIdp.form(EntraLikeIdp.signed(
                EntraLikeIdp.response(company.id(), requestId, "once@contoso.test")), null));
        Http.Response second = browser().postForm(company.acs(), EntraLikeIdp.form(EntraLikeIdp.signed(
                EntraLikeIdp.response(company.id(), requestId, "once@contoso.test")), null));

        assertThat(first.status()).isEqualTo(302);
        assertThat(second.status()).isEqualTo(403);
        assertThat(second.body()).contains("This sign-in has expired");
        assertThat(latestOutcome(company)).isEqualTo("IN_RESPONSE_TO_MISMATCH");
    }

    @Test
    void aResponseToAnotherCompanysRequestIsRefused() {
        SsoCompany acme = ssoCompany();
        SsoCompany other = ssoCompany();
        acme.scim().createUser("cross@contoso.test");
        String othersRequest = startSignIn(browser(), other, null);

        Http.Response acs = browser().postForm(acme.acs(), EntraLikeIdp.form(EntraLikeIdp.signed(
                EntraLikeIdp.response(acme.id(), othersRequest, "cross@contoso.test")), null));

        assertThat(acs.status()).isEqualTo(403);
        assertThat(latestOutcome(acme)).isEqualTo("IN_RESPONSE_TO_MISMATCH");
    }

    @Test
    void signsTheAuthnRequestWithTheKeyPublishedInOurMetadataWhenAsked() throws Exception {
        SsoCompany company = ssoCompany();
        assertThat(patchConnection(company.id(), "{\"signAuthnRequests\":true}").status()).isEqualTo(200);

        String location = browser().get(company.login()).header("Location");

        Map<String, String> q = EntraLikeIdp.query(location);
        assertThat(q.get("SigAlg")).isEqualTo("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        String raw = URI.create(location).getRawQuery();
        String signed = raw.substring(0, raw.indexOf("&Signature="));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(SpMetadataIT.certificate(http().get("/saml/" + company.id() + "/metadata", null).body(),
                "signing"));
        verifier.update(signed.getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(q.get("Signature")))).isTrue();
    }

    @Test
    void acceptsAnAssertionEncryptedToTheCompanysEncryptionCertificate() {
        SsoCompany company = ssoCompany();
        company.scim().createUser("secret@contoso.test");
        var encryptionCert = SpMetadataIT.certificate(http().get("/saml/" + company.id() + "/metadata", null).body(),
                "encryption");
        Browser browser = browser();

        Http.Response acs = signInEncrypted(browser, company, "secret@contoso.test", encryptionCert);

        assertThat(acs.status()).isEqualTo(302);
        assertThat(browser.get("/app").body()).contains("secret Example");
    }

    @Test
    void theSessionEndsAtTheIdpsSessionNotOnOrAfter() throws InterruptedException {
        SsoCompany company = ssoCompany();
        company.scim().createUser("short@contoso.test");
        Browser browser = browser();
        String requestId = startSignIn(browser, company, null);
        EntraResponse response = EntraLikeIdp.response(company.id(), requestId, "short@contoso.test");
        Instant end = Instant.now().plusSeconds(2);
        byte[] xml = TestIdp.sign(response, doc -> {
            ((Element) doc.getElementsByTagNameNS(XmlSigning.ASSERTION_NS, "AuthnStatement").item(0))
                    .setAttribute("SessionNotOnOrAfter", end.toString());
            XmlSigning.sign(XmlSigning.assertion(doc), TestKeys.IDP,
                    XmlSigning.RSA_SHA256, XmlSigning.SHA256, true);
        });

        browser.postForm(company.acs(), EntraLikeIdp.form(Base64.getEncoder().encodeToString(xml), null));
        assertThat(browser.get("/app").status()).isEqualTo(200);
        Thread.sleep(Duration.between(Instant.now(), end).toMillis() + 300);

        Http.Response after = browser.get("/app");
        assertThat(after.status()).isEqualTo(302);
        assertThat(after.header("Location")).contains("/login");
    }

    private String latestOutcome(SsoCompany company) {
        return operator().call("GET", "/companies/" + company.id() + "/saml-log?limit=1", null).json().get(0)
                .path("outcome").asString();
    }
}
