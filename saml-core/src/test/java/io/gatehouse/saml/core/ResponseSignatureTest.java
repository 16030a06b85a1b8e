package io.gatehouse.saml.core;

import static io.gatehouse.saml.core.support.TestIdp.connection;
import static io.gatehouse.saml.core.support.TestIdp.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.saml.core.SamlValidationResult.Failure;
import io.gatehouse.saml.core.SamlValidationResult.Success;
import io.gatehouse.saml.core.support.EntraResponse;
import io.gatehouse.saml.core.support.TestIdp;
import io.gatehouse.saml.core.support.TestKeys;
import io.gatehouse.saml.core.support.XmlSigning;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Validation steps 2-5: where signatures may be, what they may use, which keys verify them. */
class ResponseSignatureTest {

    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    @Test
    void acceptsEntraResponseWithSignedAssertion() {
        Success ok = success(validate(TestIdp.signAssertion(EntraResponse.valid())));

        assertThat(ok.issuer()).isEqualTo(EntraResponse.IDP);
        assertThat(ok.nameId()).isEqualTo("alice@acme.example");
        assertThat(ok.nameIdFormat()).isEqualTo("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress");
        assertThat(ok.assertionId()).isEqualTo("_a7c3e9f1-2b4d-4e6f-8a0b-1c2d3e4f5a6b");
        assertThat(ok.inResponseTo()).isEqualTo(EntraResponse.REQUEST_ID);
        assertThat(ok.sessionIndex()).isEqualTo("_a7c3e9f1-2b4d-4e6f-8a0b-1c2d3e4f5a6b");
        assertThat(ok.assertionExpiresAt()).isEqualTo(EntraResponse.NOW.plus(Duration.ofMinutes(63)));
        assertThat(ok.attributes()).containsEntry("http://schemas.microsoft.com/identity/claims/tenantid",
                List.of(EntraResponse.TENANT));
    }

    @Test
    void acceptsUnsignedAssertionInsideSignedResponse() {
        assertThat(validate(TestIdp.signResponse(EntraResponse.valid())).valid()).isTrue();
    }

    @Test
    void acceptsResponseAndAssertionBothSigned() {
        assertThat(validate(TestIdp.signBoth(EntraResponse.valid())).valid()).isTrue();
    }

    @Test
    void rejectsBothSignedWhenResponseSignatureIsByAnotherKeyEvenThoughAssertionVerifies() {
        byte[] xml = TestIdp.sign(EntraResponse.valid(), doc -> {
            XmlSigning.sign(XmlSigning.assertion(doc), TestKeys.IDP, XmlSigning.RSA_SHA256, XmlSigning.SHA256, true);
            XmlSigning.sign(doc.getDocumentElement(), TestKeys.ATTACKER, XmlSigning.RSA_SHA256, XmlSigning.SHA256, true);
        });

        assertThat(failure(validate(xml)).code()).isEqualTo(FailureCode.UNTRUSTED_KEY);
    }

    @Test
    void rejectsBothSignedWhenResponseWasAlteredAfterSigning() {
        byte[] xml = TestIdp.sign(EntraResponse.valid(), doc -> {
            XmlSigning.sign(XmlSigning.assertion(doc), TestKeys.IDP, XmlSigning.RSA_SHA256, XmlSigning.SHA256, true);
            XmlSigning.sign(doc.getDocumentElement(), TestKeys.IDP, XmlSigning.RSA_SHA256, XmlSigning.SHA256, true);
            doc.getDocumentElement().setAttribute("IssueInstant", "2025-03-10T09:16:00Z");
        });

        Failure f = failure(validate(xml));
        assertThat(f.code()).isEqualTo(FailureCode.SIGNATURE_INVALID);
        assertThat(f.detail()).contains("modified after it was signed");
    }

    @Test
    void rejectsAssertionSignedWithAnUnconfiguredCertificate() {
        byte[] xml = TestIdp.sign(EntraResponse.valid(), doc -> XmlSigning.sign(XmlSigning.assertion(doc),
                TestKeys.ATTACKER, XmlSigning.RSA_SHA256, XmlSigning.SHA256, true));

        Failure f = failure(validate(xml));
        assertThat(f.code()).isEqualTo(FailureCode.UNTRUSTED_KEY);
        assertThat(f.actual()).contains(Certificates.sha256Fingerprint(TestKeys.ATTACKER.certificate()));
        assertThat(f.expected()).contains(Certificates.sha256Fingerprint(TestKeys.IDP.certificate()));
    }

    @Test
    void neverTrustsTheKeyInfoCertificateEvenWhenItNamesTheConfiguredOne() {
        byte[] xml = TestIdp.sign(EntraResponse.valid(), doc -> XmlSigning.sign(XmlSigning.assertion(doc),
                TestKeys.ATTACKER.privateKey(), TestKeys.IDP.certificate(), XmlSigning.RSA_SHA256, XmlSigning.SHA256));

        assertThat(failure(validate(xml)).code()).isEqualTo(FailureCode.SIGNATURE_INVALID);
    }

    @Test
    void verifiesSignatureWithoutKeyInfoAgainstConfiguredCertificate() {
        byte[] xml = TestIdp.sign(EntraResponse.valid(), doc -> XmlSigning.sign(XmlSigning.assertion(doc),
                TestKeys.IDP, XmlSigning.RSA_SHA256, XmlSigning.SHA256, false));

        assertThat(validate(xml).valid()).isTrue();
    }

    @Test
    void acceptsEitherCertificateDuringRollover() {
        var config = connection().trustedCertificates(
                List.of(TestKeys.IDP_NEXT.certificate(), TestKeys.IDP.certificate())).build();
        // No KeyInfo hint: the validator has to try the first configured certificate, fail, then the second.
        byte[] oldKey = TestIdp.sign(EntraResponse.valid(), doc -> XmlSigning.sign(XmlSigning.assertion(doc),
                TestKeys.IDP, XmlSigning.RSA_SHA256, XmlSigning.SHA256, false));
        byte[] newKey = TestIdp.sign(EntraResponse.valid(), doc -> XmlSigning.sign(XmlSigning.assertion(doc),
                TestKeys.IDP_NEXT, XmlSigning.RSA_SHA256, XmlSigning.SHA256, true));

        assertThat(validate(config, oldKey).valid()).isTrue();
        assertThat(validate(config, newKey).valid()).isTrue();
    }

    @Test
    void rejectsSha1SignatureByDefaultTellingTheAdminToSwitchToSha256() {
        byte[] xml = TestIdp.sign(EntraResponse.valid(), doc -> XmlSigning.sign(XmlSigning.assertion(doc),
                TestKeys.IDP, XmlSigning.RSA_SHA1, XmlSigning.SHA1, true));

        Failure f = failure(validate(xml));
        assertThat(f.code()).isEqualTo(FailureCode.SHA1_NOT_ALLOWED);
        assertThat(f.detail()).contains("SHA-256");
    }

    @Test
    void acceptsSha1SignatureWhenTheConnectionAllowsIt() {
        byte[] xml = TestIdp.sign(EntraResponse.valid(), doc -> XmlSigning.sign(XmlSigning.assertion(doc),
                TestKeys.IDP, XmlSigning.RSA_SHA1, XmlSigning.SHA1, true));

        assertThat(validate(connection().allowSha1(true).build(), xml).valid()).isTrue();
    }

    @Test
    void rejectsSha1DigestUnderAnRsaSha256Signature() {
        byte[] xml = TestIdp.sign(EntraResponse.valid(), doc -> XmlSigning.sign(XmlSigning.assertion(doc),
                TestKeys.IDP, XmlSigning.RSA_SHA256, XmlSigning.SHA1, true));

        assertThat(failure(validate(xml)).code()).isEqualTo(FailureCode.SHA1_NOT_ALLOWED);
    }

    @Test
    void acceptsEcdsaSha256Signature() {
        TestKeys ec = TestKeys.ecIdp();
        byte[] xml = TestIdp.sign(EntraResponse.valid(), doc -> XmlSigning.sign(XmlSigning.assertion(doc),
                ec, XmlSigning.ECDSA_SHA256, XmlSigning.SHA256, true));

        assertThat(validate(connection().trustedCertificate(ec.certificate()).build(), xml).valid()).isTrue();
    }

    @Test
    void rejectsNameIdChangedAfterSigning() {
        byte[] xml = TestIdp.sign(EntraResponse.valid(), doc -> {
            XmlSigning.sign(XmlSigning.assertion(doc), TestKeys.IDP, XmlSigning.RSA_SHA256, XmlSigning.SHA256, true);
            first(doc, "NameID").setTextContent("admin@acme.example");
        });

        assertThat(failure(validate(xml)).code()).isEqualTo(FailureCode.SIGNATURE_INVALID);
    }

    @Test
    void rejectsResponseWithoutAnySignature() {
        byte[] xml = EntraResponse.valid().xml().getBytes(StandardCharsets.UTF_8);

        assertThat(failure(validate(xml)).code()).isEqualTo(FailureCode.SIGNATURE_MISSING);
    }

    @Test
    void rejectsDocumentWhereTwoElementsShareTheAssertionId() {
        EntraResponse r = EntraResponse.valid();
        r.afterAssertion = "<samlp:Extensions ID=\"" + r.assertionId + "\"/>";

        assertThat(failure(validate(TestIdp.signAssertion(r))).code()).isEqualTo(FailureCode.DUPLICATE_ID);
    }

    @Test
    void rejectsSignedAssertionMovedAsideForAnUnsignedOne() {
        byte[] xml = TestIdp.sign(EntraResponse.valid(), doc -> {
            Element signed = XmlSigning.assertion(doc);
            XmlSigning.sign(signed, TestKeys.IDP, XmlSigning.RSA_SHA256, XmlSigning.SHA256, true);
            Element evil = (Element) signed.cloneNode(true);
            evil.setAttribute("ID", "_evil");
            evil.removeChild(evil.getElementsByTagNameNS(DSIG, "Signature").item(0));
            evil.getElementsByTagNameNS(XmlSigning.ASSERTION_NS, "NameID").item(0).setTextContent("admin@acme.example");
            Element extensions = doc.createElementNS("urn:oasis:names:tc:SAML:2.0:protocol", "samlp:Extensions");
            doc.getDocumentElement().replaceChild(evil, signed);
            extensions.appendChild(signed);
            doc.getDocumentElement().insertBefore(extensions, first(doc, "Status"));
        });

        assertThat(failure(validate(xml)).code()).isEqualTo(FailureCode.SIGNATURE_WRAPPING);
    }

    @Test
    void rejectsResponseCarryingTwoAssertions() {
        EntraResponse r = EntraResponse.valid();
        r.afterAssertion = EntraResponse.valid().xml().replaceAll("(?s).*?(<Assertion .*</Assertion>).*", "$1")
                .replace(r.assertionId, "_second");

        assertThat(failure(validate(TestIdp.signAssertion(r))).code()).isEqualTo(FailureCode.MULTIPLE_ASSERTIONS);
    }

    @Test
    void rejectsAssertionSignatureWhoseReferencePointsAtTheResponse() {
        byte[] xml = TestIdp.sign(EntraResponse.valid(), doc -> {
            XmlSigning.sign(XmlSigning.assertion(doc), TestKeys.IDP, XmlSigning.RSA_SHA256, XmlSigning.SHA256, true);
            ((Element) doc.getElementsByTagNameNS(DSIG, "Reference").item(0))
                    .setAttribute("URI", "#" + doc.getDocumentElement().getAttribute("ID"));
        });

        assertThat(failure(validate(xml)).code()).isEqualTo(FailureCode.REFERENCE_URI_MISMATCH);
    }

    @Test
    void rejectsEmptyReferenceUri() {
        byte[] xml = TestIdp.sign(EntraResponse.valid(), doc -> {
            XmlSigning.sign(XmlSigning.assertion(doc), TestKeys.IDP, XmlSigning.RSA_SHA256, XmlSigning.SHA256, true);
            ((Element) doc.getElementsByTagNameNS(DSIG, "Reference").item(0)).setAttribute("URI", "");
        });

        assertThat(failure(validate(xml)).code()).isEqualTo(FailureCode.REFERENCE_URI_MISMATCH);
    }

    @Test
    void rejectsSignatureCarryingAnObjectElement() {
        byte[] xml = TestIdp.sign(EntraResponse.valid(), doc -> {
            XmlSigning.sign(XmlSigning.assertion(doc), TestKeys.IDP, XmlSigning.RSA_SHA256, XmlSigning.SHA256, true);
            doc.getElementsByTagNameNS(DSIG, "Signature").item(0).appendChild(doc.createElementNS(DSIG, "ds:Object"));
        });

        assertThat(failure(validate(xml)).code()).isEqualTo(FailureCode.SIGNATURE_MALFORMED);
    }

    @Test
    void rejectsSignatureHiddenInsideTheSubject() {
        byte[] xml = TestIdp.sign(EntraResponse.valid(), doc -> {
            XmlSigning.sign(XmlSigning.assertion(doc), TestKeys.IDP, XmlSigning.RSA_SHA256, XmlSigning.SHA256, true);
            Node copy = doc.getElementsByTagNameNS(DSIG, "Signature").item(0).cloneNode(true);
            first(doc, "Subject").appendChild(copy);
        });

        assertThat(failure(validate(xml)).code()).isEqualTo(FailureCode.UNEXPECTED_SIGNATURE_PLACEMENT);
    }

    @Test
    void rejectsAnElementCarryingTwoSignaturesAsDuplicateSignature() {
        byte[] assertionTwice = TestIdp.sign(EntraResponse.valid(), doc -> {
            XmlSigning.sign(XmlSigning.assertion(doc), TestKeys.IDP, XmlSigning.RSA_SHA256, XmlSigning.SHA256, true);
            Node signature = doc.getElementsByTagNameNS(DSIG, "Signature").item(0);
            signature.getParentNode().insertBefore(signature.cloneNode(true), signature);
        });
        byte[] responseTwice = TestIdp.sign(EntraResponse.valid(), doc -> {
            XmlSigning.sign(doc.getDocumentElement(), TestKeys.IDP, XmlSigning.RSA_SHA256, XmlSigning.SHA256, true);
            Node signature = doc.getElementsByTagNameNS(DSIG, "Signature").item(0);
            doc.getDocumentElement().appendChild(signature.cloneNode(true));
        });

        assertThat(failure(validate(assertionTwice)).code()).isEqualTo(FailureCode.DUPLICATE_SIGNATURE);
        assertThat(failure(validate(responseTwice)).code()).isEqualTo(FailureCode.DUPLICATE_SIGNATURE);
    }

    static Element first(Document doc, String localName) {
        Node n = doc.getElementsByTagNameNS(XmlSigning.ASSERTION_NS, localName).item(0);
        if (n == null) {
            n = doc.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:protocol", localName).item(0);
        }
        return (Element) n;
    }

    static Success success(SamlValidationResult result) {
        assertThat(result).as("validation result").isInstanceOf(Success.class);
        return (Success) result;
    }

    static Failure failure(SamlValidationResult result) {
        assertThat(result).as("validation result").isInstanceOf(Failure.class);
        return (Failure) result;
    }
}
