package io.gatehouse.saml.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.saml.core.support.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SpMetadataWriterTest {

    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";

    @Test
    void writesEntityIdAcsCertificatesAndNameIdFormats() throws Exception {
        String xml = SpMetadataWriter.write(new SpMetadataWriter.Settings("https://gatehouse.example/saml/acme",
                "https://gatehouse.example/saml/acme/acs?tenant=a&b", List.of(TestKeys.SP.certificate()),
                List.of(TestKeys.SP.certificate()), List.of("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress")));

        Document doc = SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8));
        Element entity = doc.getDocumentElement();
        assertThat(entity.getAttribute("entityID")).isEqualTo("https://gatehouse.example/saml/acme");
        Element sp = Dom.child(entity, MD, "SPSSODescriptor");
        assertThat(sp.getAttribute("protocolSupportEnumeration")).isEqualTo("urn:oasis:names:tc:SAML:2.0:protocol");
        assertThat(sp.getAttribute("AuthnRequestsSigned")).isEqualTo("true");
        assertThat(sp.getAttribute("WantAssertionsSigned")).isEqualTo("true");
        assertThat(Dom.children(sp, MD, "KeyDescriptor")).extracting(e -> e.getAttribute("use"))
                .containsExactly("signing", "encryption");
        Element acs = Dom.child(sp, MD, "AssertionConsumerService");
        assertThat(acs.getAttribute("Binding")).isEqualTo("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");
        assertThat(acs.getAttribute("Location")).isEqualTo("https://gatehouse.example/saml/acme/acs?tenant=a&b");
        assertThat(Dom.text(Dom.child(sp, MD, "NameIDFormat")))
                .isEqualTo("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress");
        String certText = doc.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "X509Certificate")
                .item(0).getTextContent();
        assertThat(Certificates.fromBase64(certText)).isEqualTo(TestKeys.SP.certificate());
    }

    @Test
    void namesTheServiceForPeopleInTheUiInfoDisplayName() throws Exception {
        String xml = SpMetadataWriter.write(new SpMetadataWriter.Settings("urn:sp", "https://sp.example/acs",
                List.of(), List.of(), List.of(), null, "Acme & Co Identity"));

        Element sp = Dom.child(SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement(), MD,
                "SPSSODescriptor");
        Element ui = Dom.child(Dom.child(sp, MD, "Extensions"), SpMetadataWriter.MDUI, "UIInfo");
        assertThat(Dom.text(Dom.child(ui, SpMetadataWriter.MDUI, "DisplayName"))).isEqualTo("Acme & Co Identity");
        assertThat(sp.getFirstChild().getNextSibling().getLocalName()).isEqualTo("Extensions");
    }

    @Test
    void declaresUnsignedRequestsWithoutSigningCertificate() throws Exception {
        String xml = SpMetadataWriter.write(new SpMetadataWriter.Settings("urn:sp", "https://sp.example/acs",
                List.of(), List.of(), List.of()));

        Element sp = Dom.child(SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement(), MD,
                "SPSSODescriptor");
        assertThat(sp.getAttribute("AuthnRequestsSigned")).isEqualTo("false");
        assertThat(Dom.children(sp, MD, "KeyDescriptor")).isEmpty();
    }
}
