package io.gatehouse.saml.core;

import static io.gatehouse.saml.core.ResponseSignatureTest.failure;
import static io.gatehouse.saml.core.ResponseSignatureTest.first;
import static io.gatehouse.saml.core.ResponseSignatureTest.success;
import static io.gatehouse.saml.core.support.TestIdp.connection;
import static io.gatehouse.saml.core.support.TestIdp.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.saml.core.SamlValidationResult.Failure;
import io.gatehouse.saml.core.support.EntraResponse;
import io.gatehouse.saml.core.support.TestIdp;
import io.gatehouse.saml.core.support.TestKeys;
import io.gatehouse.saml.core.support.XmlSigning;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Validation step 6: one field of an otherwise valid, correctly signed Entra response per test. */
class ResponseConditionsTest {

    private static final Duration SKEW = SamlValidationConfig.DEFAULT_CLOCK_SKEW;

    @Test
    void rejectsAssertionIssuedByAnotherTenant() {
        EntraResponse r = EntraResponse.valid();
        r.assertionIssuer = "https://sts.windows.net/00000000-0000-0000-0000-000000000000/";

        Failure f = failure(validate(TestIdp.signAssertion(r)));
        assertThat(f.code()).isEqualTo(FailureCode.ISSUER_MISMATCH);
        assertThat(f.expected()).isEqualTo(EntraResponse.IDP);
        assertThat(f.actual()).isEqualTo(r.assertionIssuer);
    }

    @Test
    void rejectsResponseIssuerThatDisagreesWithTheSignedAssertion() {
        EntraResponse r = EntraResponse.valid();
        r.responseIssuer = "https://evil.example/";

        assertThat(failure(validate(TestIdp.signAssertion(r))).code()).isEqualTo(FailureCode.ISSUER_MISMATCH);
    }

    @Test
    void rejectsAssertionWhenAudienceIsAnotherCompany() {
        EntraResponse r = EntraResponse.valid();
        r.audience = "https://gatehouse.example/saml/globex";

        Failure f = failure(validate(TestIdp.signAssertion(r)));
        assertThat(f.code()).isEqualTo(FailureCode.AUDIENCE_MISMATCH);
        assertThat(f.expected()).isEqualTo(EntraResponse.SP);
        assertThat(f.actual()).isEqualTo("https://gatehouse.example/saml/globex");
    }

    @Test
    void rejectsResponseDeliveredToAnotherCompanysAcs() {
        EntraResponse r = EntraResponse.valid();
        r.destination = "https://gatehouse.example/saml/globex/acs";

        assertThat(failure(validate(TestIdp.signAssertion(r))).code()).isEqualTo(FailureCode.DESTINATION_MISMATCH);
    }

    @Test
    void rejectsSignedResponseWithoutDestination() {
        EntraResponse r = EntraResponse.valid();
        r.destination = null;

        assertThat(failure(validate(TestIdp.signResponse(r))).code()).isEqualTo(FailureCode.DESTINATION_MISMATCH);
    }

    @Test
    void acceptsUnsignedResponseWithoutDestinationWhenAssertionIsSigned() {
        EntraResponse r = EntraResponse.valid();
        r.destination = null;

        assertThat(validate(TestIdp.signAssertion(r)).valid()).isTrue();
    }

    @Test
    void rejectsBearerConfirmationForAnotherRecipient() {
        EntraResponse r = EntraResponse.valid();
        r.recipient = "https://gatehouse.example/saml/globex/acs";

        Failure f = failure(validate(TestIdp.signAssertion(r)));
        assertThat(f.code()).isEqualTo(FailureCode.RECIPIENT_MISMATCH);
        assertThat(f.actual()).isEqualTo(r.recipient);
    }

    @Test
    void rejectsAssertionWithoutBearerConfirmation() {
        EntraResponse r = EntraResponse.valid();
        r.confirmationMethod = "urn:oasis:names:tc:SAML:2.0:cm:holder-of-key";

        assertThat(failure(validate(TestIdp.signAssertion(r))).code()).isEqualTo(FailureCode.NO_BEARER_CONFIRMATION);
    }

    @Test
    void acceptsAssertionThatBecomesValidWithinTheClockSkew() {
        Instant now = EntraResponse.NOW.minus(Duration.ofMinutes(5)).minus(SKEW).plusSeconds(1);

        assertThat(validateAt(now, TestIdp.signAssertion(EntraResponse.valid())).valid()).isTrue();
    }

    @Test
    void rejectsAssertionNotYetValidBeyondTheClockSkew() {
        Instant now = EntraResponse.NOW.minus(Duration.ofMinutes(5)).minus(SKEW).minusSeconds(1);

        assertThat(failure(validateAt(now, TestIdp.signAssertion(EntraResponse.valid()))).code())
                .isEqualTo(FailureCode.NOT_YET_VALID);
    }

    @Test
    void acceptsAssertionThatExpiredWithinTheClockSkew() {
        Instant now = EntraResponse.NOW.plus(Duration.ofMinutes(60)).plus(SKEW).minusSeconds(1);

        assertThat(validateAt(now, TestIdp.signAssertion(EntraResponse.valid())).valid()).isTrue();
    }

    @Test
    void rejectsAssertionExpiredBeyondTheClockSkew() {
        Instant now = EntraResponse.NOW.plus(Duration.ofMinutes(60)).plus(SKEW);

        assertThat(failure(validateAt(now, TestIdp.signAssertion(EntraResponse.valid()))).code())
                .isEqualTo(FailureCode.EXPIRED);
    }

    @Test
    void rejectsBearerConfirmationThatExpiredWhileConditionsStillHold() {
        EntraResponse r = EntraResponse.valid();
        r.confirmationNotOnOrAfter = EntraResponse.NOW.minus(Duration.ofMinutes(10));

        assertThat(failure(validate(TestIdp.signAssertion(r))).code()).isEqualTo(FailureCode.EXPIRED);
    }

    @Test
    void rejectsAssertionThatNeverExpires() {
        EntraResponse r = EntraResponse.valid();
        r.notOnOrAfter = null;

        assertThat(failure(validate(TestIdp.signAssertion(r))).code()).isEqualTo(FailureCode.MISSING_VALIDITY_WINDOW);
    }

    @Test
    void rejectsResponseToAnotherRequest() {
        EntraResponse r = EntraResponse.valid();
        r.inResponseTo = "_some_other_request";
        r.confirmationInResponseTo = "_some_other_request";

        Failure f = failure(validate(TestIdp.signAssertion(r)));
        assertThat(f.code()).isEqualTo(FailureCode.IN_RESPONSE_TO_MISMATCH);
        assertThat(f.expected()).isEqualTo(EntraResponse.REQUEST_ID);
        assertThat(f.actual()).isEqualTo("_some_other_request");
    }

    @Test
    void rejectsSignedConfirmationAnsweringAnotherRequestThanTheResponseClaims() {
        EntraResponse r = EntraResponse.valid();
        r.confirmationInResponseTo = "_some_other_request";

        assertThat(failure(validate(TestIdp.signAssertion(r))).code()).isEqualTo(FailureCode.IN_RESPONSE_TO_MISMATCH);
    }

    @Test
    void rejectsUnsolicitedResponseWhenIdpInitiatedSignInIsOff() {
        EntraResponse r = unsolicited();

        Failure f = failure(validate(connection().expectedRequestId(null).build(), TestIdp.signAssertion(r)));
        assertThat(f.code()).isEqualTo(FailureCode.IDP_INITIATED_NOT_ALLOWED);
    }

    @Test
    void acceptsUnsolicitedResponseWhenIdpInitiatedSignInIsOn() {
        var config = connection().expectedRequestId(null).allowIdpInitiated(true).build();

        var ok = success(validate(config, TestIdp.signAssertion(unsolicited())));
        assertThat(ok.inResponseTo()).isNull();
    }

    @Test
    void rejectsResponseAnsweringARequestThisSessionNeverSent() {
        var config = connection().expectedRequestId(null).allowIdpInitiated(true).build();

        assertThat(failure(validate(config, TestIdp.signAssertion(EntraResponse.valid()))).code())
                .isEqualTo(FailureCode.IN_RESPONSE_TO_MISMATCH);
    }

    @Test
    void treatsInResponseToCarriedOnlyByAnUnsignedResponseAsUnsolicited() {
        EntraResponse r = EntraResponse.valid();
        r.confirmationInResponseTo = null;

        assertThat(failure(validate(TestIdp.signAssertion(r))).code()).isEqualTo(FailureCode.IDP_INITIATED_NOT_ALLOWED);
        assertThat(success(validate(TestIdp.signResponse(r))).inResponseTo()).isEqualTo(EntraResponse.REQUEST_ID);
    }

    @Test
    void readsWholeNameIdWhenACommentWasInjectedAfterSigning() {
        EntraResponse r = EntraResponse.valid();
        r.nameId = "user@evil.com.good.com";
        byte[] xml = TestIdp.sign(r, doc -> {
            XmlSigning.sign(XmlSigning.assertion(doc), TestKeys.IDP, XmlSigning.RSA_SHA256, XmlSigning.SHA256, true);
            Element nameId = first(doc, "NameID");
            nameId.setTextContent("user@evil.com");
            nameId.appendChild(doc.createComment(""));
            nameId.appendChild(doc.createTextNode(".good.com"));
        });

        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("user@evil.com<!---->.good.com");
        assertThat(success(validate(xml)).nameId()).isEqualTo("user@evil.com.good.com");
    }

    @Test
    void returnsMultiValuedAttributesKeyedByName() {
        EntraResponse r = EntraResponse.valid();
        r.attributes = Map.of("http://schemas.microsoft.com/ws/2008/06/identity/claims/groups",
                List.of("a1b2c3d4-0000-0000-0000-000000000001", "a1b2c3d4-0000-0000-0000-000000000002"));

        assertThat(success(validate(TestIdp.signAssertion(r))).attributes()).containsExactly(Map.entry(
                "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups",
                List.of("a1b2c3d4-0000-0000-0000-000000000001", "a1b2c3d4-0000-0000-0000-000000000002")));
    }

    private static EntraResponse unsolicited() {
        EntraResponse r = EntraResponse.valid();
        r.inResponseTo = null;
        r.confirmationInResponseTo = null;
        return r;
    }

    private static SamlValidationResult validateAt(Instant now, byte[] xml) {
        return new SamlResponseValidator(connection().build(), TestIdp.clockAt(now)).validate(xml);
    }
}
