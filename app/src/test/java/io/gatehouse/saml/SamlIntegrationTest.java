package io.gatehouse.saml;

import io.gatehouse.saml.core.support.TestIdp;
import io.gatehouse.saml.core.support.TestKeys;
import io.gatehouse.saml.core.support.XmlSigning;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Operator;
import io.gatehouse.support.Scim;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import org.apache.xml.security.encryption.XMLCipher;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the SSO tests: companies with a SAML connection to {@link EntraLikeIdp}, users provisioned the way
 * Entra provisions them, and a cookie-keeping browser. Plain-http metadata URLs are allowed so a local
 * server can play the IdP's metadata endpoint.
 */
@TestPropertySource(properties = "gatehouse.saml.metadata-fetch.allow-http=true")
abstract class SamlIntegrationTest extends IntegrationTest {

    /** A company managed by SCIM, its IdP connection saved, and its SCIM client. */
    record SsoCompany(String id, Scim scim) {
        String acs() {
            return "/saml/" + id + "/acs";
        }

        String login() {
            return "/saml/" + id + "/login";
        }
    }

    SsoCompany ssoCompany() {
        Operator.TestCompany company = operator().premiumCompanyWithToken();
        Http.Response saved = uploadMetadata(company.id(), EntraLikeIdp.metadata(TestKeys.IDP.certificate()));
        if (saved.status() != 200) {
            throw new IllegalStateException("connection not saved: " + saved);
        }
        return new SsoCompany(company.id(), new Scim(http(), company.scimToken()));
    }

    Http.Response uploadMetadata(String companyId, String xml) {
        return http().send("PUT", "/operator/v1/companies/" + companyId + "/saml-connection", OPERATOR_TOKEN, xml,
                Map.of("Content-Type", "application/xml"));
    }

    Http.Response patchConnection(String companyId, String json) {
        return operator().call("PATCH", "/companies/" + companyId + "/saml-connection", json);
    }

    Browser browser() {
        return new Browser(http().base());
    }

    /** SP-initiated sign-in up to the IdP: returns the AuthnRequest ID our redirect carried. */
    static String startSignIn(Browser browser, SsoCompany company, String target) {
        Http.Response start = browser.get(company.login() + (target == null ? "" : "?target=" + target));
        if (start.status() != 302) {
            throw new IllegalStateException("sign-in did not start: " + start);
        }
        return EntraLikeIdp.requestId(start.header("Location"));
    }

    /** A whole SP-initiated sign-in whose signed assertion is encrypted to {@code encryptTo}; the ACS answer. */
    static Http.Response signInEncrypted(Browser browser, SsoCompany company, String userName,
                                         X509Certificate encryptTo) {
        String requestId = startSignIn(browser, company, null);
        byte[] xml = TestIdp.sign(EntraLikeIdp.response(company.id(), requestId, userName), doc -> {
            XmlSigning.sign(XmlSigning.assertion(doc), TestKeys.IDP, XmlSigning.RSA_SHA256, XmlSigning.SHA256, true);
            XmlSigning.encrypt(XmlSigning.assertion(doc), encryptTo, XMLCipher.AES_256_GCM, XMLCipher.RSA_OAEP_11);
        });
        if (new String(xml, StandardCharsets.UTF_8).contains(userName)) {
            throw new IllegalStateException("the assertion was not encrypted");
        }
        return browser.postForm(company.acs(), EntraLikeIdp.form(Base64.getEncoder().encodeToString(xml), null));
    }

    /** A whole SP-initiated sign-in; returns the ACS answer. */
    static Http.Response signIn(Browser browser, SsoCompany company, String userName) {
        String requestId = startSignIn(browser, company, null);
        return browser.postForm(company.acs(), EntraLikeIdp.form(
                EntraLikeIdp.signed(EntraLikeIdp.response(company.id(), requestId, userName)), null));
    }
}
