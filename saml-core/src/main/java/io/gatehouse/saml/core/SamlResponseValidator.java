package io.gatehouse.saml.core;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Validates a SAML 2.0 Response posted to our ACS (Web Browser SSO profile, SAML profiles §4.1)
 * for one company's connection. Thread-safe; build one per connection configuration and reuse it.
 *
 * <p>Order, each step reading only what earlier steps proved: hardened parse; structure (unique
 * IDs, one assertion directly under the Response, signatures only on the Response or that
 * assertion, one Reference to the parent's ID); algorithm allow-list; verification of the Response
 * signature with the configured certificates; the IdP's Status (so Entra's unsigned AADSTS errors
 * reach the admin, marked unauthenticated, and can only ever refuse); decryption of an
 * EncryptedAssertion; verification of the assertion signature; then the SAML checks on the
 * assertion that a verified signature covers, reached through that element and never by a fresh
 * search of the document. One-time use of the assertion ID is left to the caller's replay table.
 */
public final class SamlResponseValidator {

    private final SamlValidationConfig config;
    private final Clock clock;
    private final SignatureVerifier verifier;

    public SamlResponseValidator(SamlValidationConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.verifier = new SignatureVerifier(config.trustedCertificates());
    }

    /** Validates raw Response XML or the base64 SAMLResponse value of the HTTP-POST binding. Never throws. */
    public SamlValidationResult validate(byte[] samlResponse) {
        try {
            return run(samlResponse);
        } catch (Rejection r) {
            return r.failure();
        } catch (RuntimeException e) {
            // A bug must refuse the sign-in, never let it through; the class name is enough to triage.
            return new SamlValidationResult.Failure(FailureCode.INTERNAL_ERROR, null, null,
                    "unexpected " + e.getClass().getSimpleName() + " while validating", null);
        }
    }

    /** Validates the SAMLResponse form parameter as the servlet container decoded it. */
    public SamlValidationResult validate(String samlResponse) {
        return validate(samlResponse == null ? null : samlResponse.getBytes(StandardCharsets.UTF_8));
    }

    private SamlValidationResult.Success run(byte[] input) throws Rejection {
        Document doc = parse(ResponseInput.toXml(input));
        Element response = doc.getDocumentElement();
        if (!Dom.is(response, SamlNames.PROTOCOL, "Response")) {
            throw Rejection.of(FailureCode.SCHEMA_VIOLATION, "samlp:Response", Dom.describe(response),
                    "the posted message is not a SAML 2.0 Response");
        }
        Set<String> ids = new HashSet<>();
        ResponseStructure structure = ResponseStructure.scan(doc, ids);
        Element assertion = structure.singleAssertion(response);
        ResponseStructure.SignedParts signed = structure.placeSignatures(response, assertion);
        Element responseSig = signed.responseSignature();
        Element assertionSig = signed.assertionSignature();
        checkStructure(responseSig, response);
        checkStructure(assertionSig, assertion);
        checkAlgorithms(responseSig);
        checkAlgorithms(assertionSig);
        if (responseSig != null) {
            verifier.verify(responseSig, response);
        }
        checkStatus(response, responseSig != null);
        if (assertion == null) {
            throw Rejection.of(FailureCode.NO_ASSERTION, "1 assertion", "0", "a success Response without assertion");
        }
        if (Dom.is(assertion, SamlNames.ASSERTION, "EncryptedAssertion")) {
            assertion = decrypt(assertion, ids);
            assertionSig = Dom.child(assertion, SamlNames.DSIG, "Signature");
        }
        if (responseSig == null && assertionSig == null) {
            throw Rejection.of(FailureCode.SIGNATURE_MISSING, "a signed Response or Assertion", "no signature",
                    "neither the Response nor the assertion is signed");
        }
        if (assertionSig != null) {
            verifier.verify(assertionSig, assertion);
        }
        AssertionChecks.Verdict verdict = new AssertionChecks(config, clock.instant())
                .check(response, assertion, responseSig != null);
        return AssertionReader.read(assertion, verdict);
    }

    private static Document parse(byte[] xml) throws Rejection {
        try {
            return SecureXml.parse(xml);
        } catch (SecureXml.ParseException e) {
            if (e.doctype()) {
                throw Rejection.of(FailureCode.DTD_FORBIDDEN, "no DOCTYPE", "DOCTYPE",
                        "DOCTYPE declarations are refused (XXE and entity expansion protection)");
            }
            throw Rejection.of(FailureCode.MALFORMED_XML, "not well-formed XML: " + e.getMessage());
        }
    }

    private static void checkStructure(Element signature, Element signedElement) throws Rejection {
        if (signature != null) {
            SignatureShape.checkStructure(signature, signedElement);
        }
    }

    private void checkAlgorithms(Element signature) throws Rejection {
        if (signature != null) {
            SignatureShape.checkAlgorithms(signature, config.allowSha1());
        }
    }

    /** Decrypts, then holds the plaintext to the same structural and algorithm rules. */
    private Element decrypt(Element encrypted, Set<String> ids) throws Rejection {
        Document plain = AssertionDecryptor.decrypt(encrypted, config.decryptionKeys());
        Element assertion = plain.getDocumentElement();
        ResponseStructure inner = ResponseStructure.scan(plain, ids);
        inner.requireOnlyAssertion(assertion);
        Element sig = inner.placeSignatures(null, assertion).assertionSignature();
        checkStructure(sig, assertion);
        checkAlgorithms(sig);
        return assertion;
    }

    /** SAML core §3.2.2.2: anything but Success ends the sign-in, with the IdP's reason attached. */
    private static void checkStatus(Element response, boolean authenticated) throws Rejection {
        Element status = Dom.child(response, SamlNames.PROTOCOL, "Status");
        Element code = status == null ? null : Dom.child(status, SamlNames.PROTOCOL, "StatusCode");
        if (code == null) {
            throw Rejection.of(FailureCode.SCHEMA_VIOLATION, "Status/StatusCode", null, "the Response has no Status");
        }
        String value = Dom.attr(code, "Value");
        if (SamlNames.STATUS_SUCCESS.equals(value)) {
            return;
        }
        Element sub = Dom.child(code, SamlNames.PROTOCOL, "StatusCode");
        Element message = Dom.child(status, SamlNames.PROTOCOL, "StatusMessage");
        IdpStatus idpStatus = new IdpStatus(value, sub == null ? null : Dom.attr(sub, "Value"),
                message == null ? null : Dom.text(message), authenticated);
        String reason = idpStatus.message() != null ? idpStatus.message()
                : idpStatus.subStatusCode() != null ? idpStatus.subStatusCode() : value;
        throw Rejection.status(idpStatus, "the IdP refused the sign-in" + (authenticated ? "" : " (unsigned response)")
                + ": " + reason);
    }
}
