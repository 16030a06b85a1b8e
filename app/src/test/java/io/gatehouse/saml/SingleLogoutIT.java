package io.gatehouse.saml;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.saml.core.Certificates;
import io.gatehouse.saml.core.LogoutMessages;
import io.gatehouse.saml.core.support.EntraResponse;
import io.gatehouse.saml.core.support.TestKeys;
import io.gatehouse.support.Http;
import io.gatehouse.support.SecondNode;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

/**
 * SAML single logout over HTTP-Redirect with the test IdP: SP-initiated (signed LogoutRequest, the IdP's answer
 * used once) and IdP-initiated (the IdP's signature verified, the person's sessions ended on every node, a signed
 * LogoutResponse); unsigned, foreign and replayed logout messages are refused and change nothing.
 */
class SingleLogoutIT extends SamlIntegrationTest {

    private static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    private static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

    @Test
    void theLogoutUrlIsInOurMetadataAndInTheCompanysEntraValues() {
        SsoCompany company = sloCompany();
        String slo = "https://gatehouse.test/saml/" + company.id() + "/slo";

        String metadata = http().get("/saml/" + company.id() + "/metadata", null).body();

        assertThat(metadata).contains("<md:SingleLogoutService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:"
                + "HTTP-Redirect\" Location=\"" + slo + "\"/>");
        assertThat(operator().call("GET", "/companies/" + company.id() + "/saml-connection", null).json()
                .path("logoutUrl").asString()).isEqualTo(slo);
        assertThat(operator().call("GET", "/companies/" + company.id(), null).json().path("saml").path("logoutUrl")
                .asString()).isEqualTo(slo);
    }

    @Test
    void signingOutSendsASignedLogoutRequestAndTheIdpsAnswerIsAcceptedOnce() {
        SsoCompany company = sloCompany();
        company.scim().createUser("leaving@contoso.test");
        Browser browser = browser();
        signIn(browser, company, "leaving@contoso.test");
        Http.Response landing = browser.get("/app");

        Http.Response out = browser.postForm("/logout", Map.of("_csrf", Browser.csrfToken(landing)));

        assertThat(out.status()).isEqualTo(302);
        String location = out.header("Location");
        assertThat(location).startsWith(EntraLikeIdp.SLO_URL + "?SAMLRequest=");
        assertThat(EntraLikeIdp.redirectSignatureVerifies(location, ourSigningCertificate(company))).isTrue();
        Element request = EntraLikeIdp.redirectMessage(location, "SAMLRequest").getDocumentElement();
        assertThat(request.getLocalName()).isEqualTo("LogoutRequest");
        assertThat(request.getAttribute("Destination")).isEqualTo(EntraLikeIdp.SLO_URL);
        assertThat(request.getTextContent()).contains("leaving@contoso.test");
        assertThat(browser.get("/app").status()).isEqualTo(302);

        String answer = idpQuery(LogoutMessages.response(idp(company), request.getAttribute("ID"),
                LogoutMessages.STATUS_SUCCESS, null));
        Http.Response done = browser.get("/saml/" + company.id() + "/slo?" + answer);
        Http.Response again = browser.get("/saml/" + company.id() + "/slo?" + answer);

        assertThat(done.status()).isEqualTo(302);
        assertThat(done.header("Location")).endsWith("/login?signedOut");
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.body()).contains("LOGOUT_REPLAYED");
    }

    @Test
    void anIdpLogoutRequestEndsThePersonsSessionsOnEveryNodeAndIsAnsweredSigned() {
        SsoCompany company = sloCompany();
        company.scim().createUser("everywhere@contoso.test");
        company.scim().createUser("stays@contoso.test");
        Browser here = browser();
        signIn(here, company, "everywhere@contoso.test");
        Browser bystander = browser();
        signIn(bystander, company, "stays@contoso.test");
        try (SecondNode node = SecondNode.start()) {
            Browser there = browser().at(node.base());
            signIn(there, company, "everywhere@contoso.test");
            assertThat(there.get("/app").status()).isEqualTo(200);
            LogoutMessages.Redirect request = LogoutMessages.request(idp(company), "everywhere@contoso.test",
                    "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress", null, "relay-1");

            Http.Response r = here.get("/saml/" + company.id() + "/slo?" + idpQuery(request));

            assertThat(r.status()).isEqualTo(302);
            assertThat(here.get("/app").status()).isEqualTo(302);
            assertThat(there.get("/app").status()).isEqualTo(302);
            assertThat(bystander.get("/app").status()).isEqualTo(200);
            String location = r.header("Location");
            assertThat(location).startsWith(EntraLikeIdp.SLO_URL + "?SAMLResponse=");
            assertThat(EntraLikeIdp.query(location).get("RelayState")).isEqualTo("relay-1");
            assertThat(EntraLikeIdp.redirectSignatureVerifies(location, ourSigningCertificate(company))).isTrue();
            Element response = EntraLikeIdp.redirectMessage(location, "SAMLResponse").getDocumentElement();
            assertThat(response.getAttribute("InResponseTo")).isEqualTo(request.id());
            assertThat(((Element) response.getElementsByTagNameNS(PROTOCOL, "StatusCode").item(0))
                    .getAttribute("Value")).isEqualTo(LogoutMessages.STATUS_SUCCESS);
        }
    }

    @Test
    void unsignedForeignOrReplayedLogoutRequestsAreRefusedAndEndNoSession() {
        SsoCompany company = sloCompany();
        company.scim().createUser("kept@contoso.test");
        Browser browser = browser();
        signIn(browser, company, "kept@contoso.test");
        String slo = "/saml/" + company.id() + "/slo?";
        String signed = idpQuery(LogoutMessages.request(idp(company), "kept@contoso.test", null, null, null));
        String unsigned = signed.substring(0, signed.indexOf("&SigAlg="));
        String foreign = idpQuery(LogoutMessages.request(new LogoutMessages.Sender(EntraResponse.IDP,
                EntraLikeIdp.BASE + "/saml/" + company.id() + "/slo", TestKeys.ATTACKER.privateKey(), RSA_SHA256,
                Clock.systemUTC()), "kept@contoso.test", null, null, null));
        String strayAnswer = idpQuery(LogoutMessages.response(idp(company), "_never-sent",
                LogoutMessages.STATUS_SUCCESS, null));

        assertRefused(browser.get(slo + unsigned), "SIGNATURE_MISSING");
        assertRefused(browser.get(slo + foreign), "SIGNATURE_INVALID");
        assertRefused(browser.get(slo + strayAnswer), "IN_RESPONSE_TO_MISMATCH");
        assertThat(browser.get("/app").status()).isEqualTo(200);

        assertThat(browser().get(slo + signed).status()).isEqualTo(302);
        signIn(browser, company, "kept@contoso.test");
        assertRefused(browser.get(slo + signed), "LOGOUT_REPLAYED");
        assertThat(browser.get("/app").status()).isEqualTo(200);
        assertThat(operator().call("GET", "/companies/" + company.id() + "/saml-log?limit=10", null).body())
                .contains("SIGNATURE_MISSING", "LOGOUT_REPLAYED");
    }

    @Test
    void aPersonSignsInThroughAnSpKeyRotationWithTheIdpOnOurOldMetadataAndLogsOutThroughSlo() throws Exception {
        SsoCompany company = sloCompany();
        company.scim().createUser("rotation@contoso.test");
        X509Certificate oldEncryption = SpMetadataIT.certificate(
                http().get("/saml/" + company.id() + "/metadata", null).body(), "encryption");
        X509Certificate oldSigning = ourSigningCertificate(company);
        String keys = "/companies/" + company.id() + "/saml-sp-keys";
        long nextEncryption = operator().call("POST", keys, "{\"use\":\"ENCRYPTION\"}").json().path("id").asLong();
        long nextSigning = operator().call("POST", keys, "{\"use\":\"SIGNING\"}").json().path("id").asLong();
        assertThat(operator().call("POST", keys + "/" + nextEncryption + "/activate", null).status()).isEqualTo(200);
        assertThat(operator().call("POST", keys + "/" + nextSigning + "/activate", null).status()).isEqualTo(200);

        // The IdP has not refreshed our metadata yet: it still encrypts to the old certificate (grace period).
        Browser browser = browser();
        assertThat(signInEncrypted(browser, company, "rotation@contoso.test", oldEncryption).status()).isEqualTo(302);
        Http.Response out = browser.postForm("/logout", Map.of("_csrf", Browser.csrfToken(browser.get("/app"))));

        String location = out.header("Location");
        assertThat(location).startsWith(EntraLikeIdp.SLO_URL + "?SAMLRequest=");
        assertThat(EntraLikeIdp.redirectSignatureVerifies(location, ourSigningCertificate(company))).isTrue();
        assertThat(EntraLikeIdp.redirectSignatureVerifies(location, oldSigning)).isFalse();
        String requestId = EntraLikeIdp.redirectMessage(location, "SAMLRequest").getDocumentElement()
                .getAttribute("ID");
        Http.Response done = browser.get("/saml/" + company.id() + "/slo?" + idpQuery(LogoutMessages.response(
                idp(company), requestId, LogoutMessages.STATUS_SUCCESS, null)));
        assertThat(done.header("Location")).endsWith("/login?signedOut");

        // Refreshed: the IdP now encrypts to the new certificate, the only one our metadata lists.
        X509Certificate newEncryption = SpMetadataIT.certificate(
                http().get("/saml/" + company.id() + "/metadata", null).body(), "encryption");
        assertThat(newEncryption).isNotEqualTo(oldEncryption);
        assertThat(signInEncrypted(browser(), company, "rotation@contoso.test", newEncryption).status())
                .isEqualTo(302);
    }

    private static void assertRefused(Http.Response r, String check) {
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains(check);
    }

    /** A company whose IdP metadata has a SingleLogoutService. */
    private SsoCompany sloCompany() {
        SsoCompany company = ssoCompany();
        Http.Response saved = uploadMetadata(company.id(), EntraLikeIdp.metadata(EntraLikeIdp.SLO_URL,
                TestKeys.IDP.certificate()));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        return company;
    }

    /** The test IdP as the sender of logout messages to this company's SingleLogoutService. */
    private static LogoutMessages.Sender idp(SsoCompany company) {
        return new LogoutMessages.Sender(EntraResponse.IDP, EntraLikeIdp.BASE + "/saml/" + company.id() + "/slo",
                TestKeys.IDP.privateKey(), RSA_SHA256, Clock.systemUTC());
    }

    private static String idpQuery(LogoutMessages.Redirect redirect) {
        return URI.create(redirect.url()).getRawQuery();
    }

    private X509Certificate ourSigningCertificate(SsoCompany company) {
        for (JsonNode key : operator().call("GET", "/companies/" + company.id() + "/saml-sp-keys", null).json()
                .path("keys")) {
            if (key.path("use").asString().equals("SIGNING") && key.path("state").asString().equals("CURRENT")) {
                try {
                    return Certificates.fromPem(key.path("certificatePem").asString()).get(0);
                } catch (java.security.cert.CertificateException e) {
                    throw new AssertionError(e);
                }
            }
        }
        throw new AssertionError("no current signing key");
    }
}
