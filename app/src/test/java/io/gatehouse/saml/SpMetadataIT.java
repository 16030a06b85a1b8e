package io.gatehouse.saml;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.saml.core.Certificates;
import io.gatehouse.saml.core.support.XmlSigning;
import io.gatehouse.support.Http;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Our SP metadata per company: what an admin (or Entra's metadata upload) takes our values from. */
class SpMetadataIT extends SamlIntegrationTest {

    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";

    @Test
    void publishesEntityIdReplyUrlCertificatesAndNameIdFormatsBeforeAnyIdpIsConfigured() {
        String id = operator().createCompany("Metadata Co", "standard");

        Http.Response r = http().get("/saml/" + id + "/metadata", null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/samlmetadata+xml");
        Element root = XmlSigning.parse(r.body().getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        assertThat(root.getAttribute("entityID")).isEqualTo("https://gatehouse.test/saml/" + id + "/metadata");
        Element acs = (Element) root.getElementsByTagNameNS(MD, "AssertionConsumerService").item(0);
        assertThat(acs.getAttribute("Location")).isEqualTo("https://gatehouse.test/saml/" + id + "/acs");
        assertThat(acs.getAttribute("Binding")).isEqualTo("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");
        assertThat(root.getElementsByTagNameNS(MD, "NameIDFormat").getLength()).isGreaterThanOrEqualTo(2);
        assertThat(certificate(r.body(), "encryption").getSubjectX500Principal().getName()).contains(id);
        Element sp = (Element) root.getElementsByTagNameNS(MD, "SPSSODescriptor").item(0);
        assertThat(sp.getAttribute("AuthnRequestsSigned")).isEqualTo("false");
    }

    @Test
    void publishesTheSigningCertificateOnceRequestsAreSigned() {
        SsoCompany company = ssoCompany();

        patchConnection(company.id(), "{\"signAuthnRequests\":true}");
        String xml = http().get("/saml/" + company.id() + "/metadata", null).body();

        assertThat(xml).contains("AuthnRequestsSigned=\"true\"");
        assertThat(certificate(xml, "signing")).isNotEqualTo(certificate(xml, "encryption"));
    }

    @Test
    void keepsTheSameKeysAcrossRequests() {
        SsoCompany company = ssoCompany();
        patchConnection(company.id(), "{\"signAuthnRequests\":true}");

        String first = http().get("/saml/" + company.id() + "/metadata", null).body();
        String second = http().get("/saml/" + company.id() + "/metadata", null).body();

        assertThat(certificate(second, "signing")).isEqualTo(certificate(first, "signing"));
        assertThat(certificate(second, "encryption")).isEqualTo(certificate(first, "encryption"));
    }

    @Test
    void usesTheEntityIdOverrideOnceSet() {
        SsoCompany company = ssoCompany();

        patchConnection(company.id(), "{\"spEntityId\":\"urn:gatehouse:acme\"}");
        Http.Response r = http().get("/saml/" + company.id() + "/metadata", null);

        assertThat(XmlSigning.parse(r.body().getBytes(StandardCharsets.UTF_8)).getDocumentElement()
                .getAttribute("entityID")).isEqualTo("urn:gatehouse:acme");
    }

    @Test
    void unknownCompanyHasNoMetadata() {
        assertThat(http().get("/saml/00000000-0000-0000-0000-000000000000/metadata", null).status()).isEqualTo(404);
        assertThat(http().get("/saml/not-a-company/metadata", null).status()).isEqualTo(404);
    }

    /** The certificate of the (first) KeyDescriptor with the given use. */
    static X509Certificate certificate(String metadata, String use) {
        List<X509Certificate> found = certificates(metadata, use);
        if (found.isEmpty()) {
            throw new AssertionError("no KeyDescriptor use=" + use);
        }
        return found.get(0);
    }

    /** The certificates of every KeyDescriptor with the given use, in document order. */
    static List<X509Certificate> certificates(String metadata, String use) {
        NodeList keys = XmlSigning.parse(metadata.getBytes(StandardCharsets.UTF_8))
                .getElementsByTagNameNS(MD, "KeyDescriptor");
        List<X509Certificate> found = new ArrayList<>();
        for (int i = 0; i < keys.getLength(); i++) {
            Element key = (Element) keys.item(i);
            if (use.equals(key.getAttribute("use"))) {
                try {
                    found.add(Certificates.fromBase64(key.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#",
                            "X509Certificate").item(0).getTextContent()));
                } catch (java.security.cert.CertificateException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return found;
    }
}
