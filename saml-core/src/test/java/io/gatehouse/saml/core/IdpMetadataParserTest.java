package io.gatehouse.saml.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.saml.core.IdpMetadata.WarningCode;
import io.gatehouse.saml.core.support.Fixtures;
import io.gatehouse.saml.core.support.TestIdp;
import io.gatehouse.saml.core.support.TestKeys;
import io.gatehouse.saml.core.support.XmlSigning;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

class IdpMetadataParserTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String APP_METADATA = "metadata/entra-app-metadata-tenant-a9054a0f-2023.xml";
    private static final String TENANT_WIDE = "metadata/entra-tenant-wide-metadata-NO-appid-6e89e984-2025.xml";
    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";

    static Stream<Map<String, Object>> metadata() {
        return Fixtures.manifest("metadata", "metadata").stream();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("metadata")
    @SuppressWarnings("unchecked")
    void parsesEveryEntraMetadataDocumentAsEntraProducesIt(Map<String, Object> entry) throws Exception {
        byte[] bytes = Fixtures.bytes((String) entry.get("file"));
        assertThat(bytes[0] & 0xFF).as("starts with a UTF-8 BOM").isEqualTo(0xEF);

        IdpMetadata md = new IdpMetadataParser(CLOCK).parse(bytes);

        assertThat(md.entityId()).isEqualTo(entry.get("entityID"));
        List<Map<String, Object>> certs = (List<Map<String, Object>>) entry.get("IDPSSODescriptor_signing_certs");
        assertThat(md.signingCertificates()).extracting(IdpMetadata.SigningCertificate::sha1Fingerprint)
                .containsExactlyElementsOf(certs.stream().map(c -> (String) c.get("sha1_thumbprint")).toList());
        assertThat(md.signingCertificates()).extracting(IdpMetadata.SigningCertificate::sha256Fingerprint)
                .containsExactlyElementsOf(certs.stream().map(c -> (String) c.get("sha256_thumbprint")).toList());
        Map<String, Object> redirect = ((List<Map<String, Object>>) entry.get("SingleSignOnService")).get(0);
        assertThat(md.ssoBinding()).isEqualTo(redirect.get("binding"));
        assertThat(md.ssoUrl()).isEqualTo(redirect.get("location"));
        assertThat(md.singleSignOnServices()).hasSize(2);
        assertThat(md.signed()).isTrue();
        boolean tenantWide = !entry.get("file").equals(APP_METADATA);
        assertThat(md.hasWarning(WarningCode.TENANT_WIDE_METADATA)).isEqualTo(tenantWide);
    }

    @Test
    void appMetadataCertificateVerifiesTheEntraResponseAndTenantWideOneDoesNot() throws Exception {
        byte[] response = Fixtures.bytes("responses/entra/ssoready-entra-response.xml");
        Clock at = Clock.fixed(Instant.parse("2023-11-17T18:39:30.314Z"), ZoneOffset.UTC);
        IdpMetadata app = new IdpMetadataParser(CLOCK).parse(Fixtures.bytes(APP_METADATA));
        IdpMetadata wide = new IdpMetadataParser(CLOCK).parse(Fixtures.bytes(TENANT_WIDE));
        var config = SamlValidationConfig.builder().idpEntityId(app.entityId()).trustedCertificates(app.certificates())
                .spEntityId("http://localhost:8080/accounts/8155d0cc-d51b-461a-a062-821b6bd574b1/saml")
                .acsUrl("http://localhost:8080/accounts/8155d0cc-d51b-461a-a062-821b6bd574b1/saml/acs")
                .allowIdpInitiated(true).build();

        assertThat(new SamlResponseValidator(config, at).validate(response).valid()).isTrue();
        var withWide = new SamlValidationConfig(config.idpEntityId(), wide.certificates(), config.spEntityId(),
                config.acsUrl(), null, true, false, config.clockSkew(), null);
        assertThat(new SamlResponseValidator(withWide, at).validate(response))
                .isInstanceOfSatisfying(SamlValidationResult.Failure.class,
                        f -> assertThat(f.code()).isEqualTo(FailureCode.UNTRUSTED_KEY));
    }

    @Test
    void warnsWhenASigningCertificateExpiresWithinSixtyDays() throws Exception {
        Clock october2026 = Clock.fixed(Instant.parse("2026-10-01T00:00:00Z"), ZoneOffset.UTC);

        IdpMetadata md = new IdpMetadataParser(october2026).parse(Fixtures.bytes(APP_METADATA));

        assertThat(md.hasWarning(WarningCode.CERT_EXPIRES_SOON)).isTrue();
        assertThat(new IdpMetadataParser(CLOCK).parse(Fixtures.bytes(APP_METADATA)).warnings()).isEmpty();
    }

    @Test
    void acceptsEntitiesDescriptorWrappingOneEntity() throws Exception {
        String xml = "<md:EntitiesDescriptor xmlns:md=\"" + MD + "\">" + entity("https://idp.example/", true) + "</md:EntitiesDescriptor>";

        IdpMetadata md = new IdpMetadataParser(CLOCK).parse(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(md.entityId()).isEqualTo("https://idp.example/");
        assertThat(md.ssoBinding()).isEqualTo("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");
        assertThat(md.signed()).isFalse();
    }

    @Test
    void refusesAggregateWithSeveralEntities() {
        String xml = "<md:EntitiesDescriptor xmlns:md=\"" + MD + "\">" + entity("https://a.example/", true)
                + entity("https://b.example/", true) + "</md:EntitiesDescriptor>";

        assertThatThrownBy(() -> new IdpMetadataParser(CLOCK).parse(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidMetadataException.class,
                        e -> assertThat(e.errors()).extracting(InvalidMetadataException.FieldError::field)
                                .containsExactly("EntityDescriptor"));
    }

    @Test
    void reportsEveryMissingFieldOfAnIdpDescriptor() {
        String xml = "<md:EntityDescriptor xmlns:md=\"" + MD + "\" entityID=\"https://idp.example/\">"
                + "<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + "<md:KeyDescriptor use=\"encryption\"/></md:IDPSSODescriptor></md:EntityDescriptor>";

        assertThatThrownBy(() -> new IdpMetadataParser(CLOCK).parse(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidMetadataException.class,
                        e -> assertThat(e.errors()).extracting(InvalidMetadataException.FieldError::field).containsExactly(
                                "IDPSSODescriptor/KeyDescriptor", "IDPSSODescriptor/SingleSignOnService"));
    }

    @Test
    void refusesServiceProviderMetadata() {
        String xml = "<md:EntityDescriptor xmlns:md=\"" + MD + "\" entityID=\"https://sp.example/\">"
                + "<md:SPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"/>"
                + "</md:EntityDescriptor>";

        assertThatThrownBy(() -> new IdpMetadataParser(CLOCK).parse(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidMetadataException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("IDPSSODescriptor"));
    }

    @Test
    void refusesMetadataEditedAfterEntraSignedIt() {
        String xml = Fixtures.text(APP_METADATA).replace("https://login.microsoftonline.com/a9054a0f-2011-4e31-b3ac-"
                + "fd8c354146ec/saml2\" /></IDPSSODescriptor>", "https://evil.example/saml2\" /></IDPSSODescriptor>");
        assertThat(xml).contains("evil.example");

        assertThatThrownBy(() -> new IdpMetadataParser(CLOCK).parse(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidMetadataException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("Signature"));
    }

    @Test
    void warnsAboutSha1SignedMetadata() throws Exception {
        Document doc = XmlSigning.parse(entity("https://idp.example/", true).replace("<md:EntityDescriptor ",
                "<md:EntityDescriptor ID=\"_md1\" "));
        XmlSigning.sign(doc.getDocumentElement(), TestKeys.IDP, XmlSigning.RSA_SHA1, XmlSigning.SHA1, true);

        IdpMetadata md = new IdpMetadataParser(CLOCK).parse(XmlSigning.serialize(doc));

        assertThat(md.signed()).isTrue();
        assertThat(md.hasWarning(WarningCode.SHA1_SIGNATURE)).isTrue();
    }

    @Test
    void refusesDoctype() {
        String xml = "<!DOCTYPE x [<!ENTITY e \"e\">]>" + entity("https://idp.example/", true);

        assertThatThrownBy(() -> new IdpMetadataParser(CLOCK).parse(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidMetadataException.class).hasMessageContaining("DOCTYPE");
    }

    /** A minimal IdP entity signed by nothing, with the test IdP certificate and a POST endpoint. */
    static String entity(String entityId, boolean postOnly) {
        String cert = Base64.getEncoder().encodeToString(encoded());
        return "<md:EntityDescriptor xmlns:md=\"" + MD + "\" entityID=\"" + entityId + "\">"
                + "<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + "<md:KeyDescriptor><ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:X509Data>"
                + "<ds:X509Certificate>" + cert + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
                + (postOnly ? "" : "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" "
                        + "Location=\"https://idp.example/sso\"/>")
                + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" "
                + "Location=\"https://idp.example/sso\"/></md:IDPSSODescriptor></md:EntityDescriptor>";
    }

    private static byte[] encoded() {
        try {
            return TestKeys.IDP.certificate().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static {
        // Loads the test IdP (key generation) before timing-sensitive tests run.
        TestIdp.connection();
    }
}
