package io.gatehouse.saml.core.support;

import io.gatehouse.saml.core.SamlResponseValidator;
import io.gatehouse.saml.core.SamlValidationConfig;
import io.gatehouse.saml.core.SamlValidationResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.w3c.dom.Document;

/** An Entra-like IdP in test code: builds, signs and optionally encrypts responses. */
public final class TestIdp {

    private TestIdp() {
    }

    /** The connection the default EntraResponse is valid for, SP-initiated with REQUEST_ID. */
    public static SamlValidationConfig.Builder connection() {
        return SamlValidationConfig.builder()
                .idpEntityId(EntraResponse.IDP)
                .trustedCertificate(TestKeys.IDP.certificate())
                .spEntityId(EntraResponse.SP)
                .acsUrl(EntraResponse.ACS)
                .expectedRequestId(EntraResponse.REQUEST_ID);
    }

    public static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    public static SamlValidationResult validate(byte[] response) {
        return validate(connection().build(), response);
    }

    public static SamlValidationResult validate(SamlValidationConfig config, byte[] response) {
        return new SamlResponseValidator(config, clockAt(EntraResponse.NOW)).validate(response);
    }

    /** Entra's default: "Sign SAML assertion", RSA-SHA256, certificate in KeyInfo. */
    public static byte[] signAssertion(EntraResponse response) {
        return sign(response, doc -> XmlSigning.sign(XmlSigning.assertion(doc), TestKeys.IDP,
                XmlSigning.RSA_SHA256, XmlSigning.SHA256, true));
    }

    /** Entra's "Sign SAML response": only the Response carries a signature. */
    public static byte[] signResponse(EntraResponse response) {
        return sign(response, doc -> XmlSigning.sign(doc.getDocumentElement(), TestKeys.IDP,
                XmlSigning.RSA_SHA256, XmlSigning.SHA256, true));
    }

    /** Entra's "Sign SAML response and assertion". */
    public static byte[] signBoth(EntraResponse response) {
        return sign(response, doc -> {
            XmlSigning.sign(XmlSigning.assertion(doc), TestKeys.IDP, XmlSigning.RSA_SHA256, XmlSigning.SHA256, true);
            XmlSigning.sign(doc.getDocumentElement(), TestKeys.IDP, XmlSigning.RSA_SHA256, XmlSigning.SHA256, true);
        });
    }

    /** Builds the response XML, lets the caller sign or alter the DOM, serializes it. */
    public static byte[] sign(EntraResponse response, Consumer<Document> signer) {
        Document doc = XmlSigning.parse(response.xml());
        signer.accept(doc);
        return XmlSigning.serialize(doc);
    }
}
