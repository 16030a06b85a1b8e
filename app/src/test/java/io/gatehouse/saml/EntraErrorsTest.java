package io.gatehouse.saml;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.saml.core.IdpStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** AADSTS codes in Entra's StatusMessage become a page saying what the admin must do. */
class EntraErrorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "AADSTS50105: The signed in user is not assigned to a role for the application.|Users and groups",
        "AADSTS65001: The user or administrator has not consented to use the application.|Grant admin consent",
        "AADSTS90094: The grant requires admin permission.|Grant admin consent",
        "AADSTS50011: The reply URL specified in the request does not match.|Reply URL",
        "AADSTS700016: Application with identifier 'x' was not found in the directory.|Identifier (Entity ID)"})
    void knownCodesNameTheAdminsFix(String message, String fix) {
        RefusalPage page = EntraErrors.page(new IdpStatus("urn:oasis:names:tc:SAML:2.0:status:Requester", null,
                message, false), null);

        assertThat(page.adminAction()).contains(fix);
        assertThat(page.idpErrorCode()).isEqualTo(message.substring(0, message.indexOf(':')));
    }

    @Test
    void unknownOrMissingCodesStillGiveAPage() {
        RefusalPage unknown = EntraErrors.page(new IdpStatus("x", null, "AADSTS1234567: new", false), "/again");
        RefusalPage none = EntraErrors.page(new IdpStatus("x", null, null, false), null);

        assertThat(unknown.idpErrorCode()).isEqualTo("AADSTS1234567");
        assertThat(unknown.startOverUrl()).isEqualTo("/again");
        assertThat(none.idpErrorCode()).isNull();
        assertThat(none.title()).isEqualTo("Your identity provider refused the sign-in");
    }
}
