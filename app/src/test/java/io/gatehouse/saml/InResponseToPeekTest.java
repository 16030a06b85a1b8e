package io.gatehouse.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The pre-validation peek only ever returns the root's InResponseTo, and nothing when in doubt. */
class InResponseToPeekTest {

    @Test
    void readsTheRootAttributeFromBase64OrXml() {
        String xml = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" InResponseTo=\"_gh1\"/>";

        assertThat(InResponseToPeek.of(xml)).isEqualTo("_gh1");
        assertThat(InResponseToPeek.of(base64(xml))).isEqualTo("_gh1");
    }

    @Test
    void ignoresAttributesOfNestedElements() {
        String xml = "<Response><SubjectConfirmationData InResponseTo=\"_inner\"/></Response>";

        assertThat(InResponseToPeek.of(base64(xml))).isNull();
    }

    @Test
    void givesUpOnDoctypesGarbageAndOverlongIds() {
        assertThat(InResponseToPeek.of(base64("<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<r InResponseTo=\"&x;\"/>"))).isNull();
        assertThat(InResponseToPeek.of("%%%not base64%%%")).isNull();
        assertThat(InResponseToPeek.of(null)).isNull();
        assertThat(InResponseToPeek.of(base64("<r InResponseTo=\"" + "x".repeat(65) + "\"/>"))).isNull();
    }

    private static String base64(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }
}
