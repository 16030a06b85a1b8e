package io.gatehouse.saml.core;

import static io.gatehouse.saml.core.ResponseSignatureTest.failure;
import static io.gatehouse.saml.core.support.TestIdp.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.saml.core.SamlValidationResult.Failure;
import io.gatehouse.saml.core.support.EntraResponse;
import io.gatehouse.saml.core.support.TestIdp;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** SAML core §3.2.2.2: non-success statuses, as Entra sends them for AADSTS errors. */
class IdpStatusTest {

    private static final String AADSTS50105 = "AADSTS50105: Your administrator has configured the application "
            + "Gatehouse ('4d2c1b0a-…') to block users unless they are specifically granted ('assigned') access.";

    @Test
    void reportsEntraAadstsErrorFromUnsignedResponderStatus() {
        EntraResponse r = entraError();

        Failure f = failure(validate(r.xml().getBytes(StandardCharsets.UTF_8)));

        assertThat(f.code()).isEqualTo(FailureCode.STATUS_NOT_SUCCESS);
        assertThat(f.idpStatus().statusCode()).isEqualTo("urn:oasis:names:tc:SAML:2.0:status:Responder");
        assertThat(f.idpStatus().subStatusCode()).isEqualTo("urn:oasis:names:tc:SAML:2.0:status:RequestDenied");
        assertThat(f.idpStatus().message()).startsWith("AADSTS50105:");
        assertThat(f.idpStatus().authenticated()).isFalse();
        assertThat(f.detail()).contains("AADSTS50105").contains("unsigned");
    }

    @Test
    void marksStatusOfSignedErrorResponseAsAuthenticated() {
        Failure f = failure(validate(TestIdp.signResponse(entraError())));

        assertThat(f.code()).isEqualTo(FailureCode.STATUS_NOT_SUCCESS);
        assertThat(f.idpStatus().authenticated()).isTrue();
    }

    @Test
    void rejectsSuccessResponseWithoutAssertion() {
        EntraResponse r = EntraResponse.valid();
        r.includeAssertion = false;

        assertThat(failure(validate(TestIdp.signResponse(r))).code()).isEqualTo(FailureCode.NO_ASSERTION);
    }

    private static EntraResponse entraError() {
        EntraResponse r = EntraResponse.valid();
        r.statusCode = "urn:oasis:names:tc:SAML:2.0:status:Responder";
        r.subStatusCode = "urn:oasis:names:tc:SAML:2.0:status:RequestDenied";
        r.statusMessage = AADSTS50105;
        r.includeAssertion = false;
        return r;
    }
}
