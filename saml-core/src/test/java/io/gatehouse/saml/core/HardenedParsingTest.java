package io.gatehouse.saml.core;

import static io.gatehouse.saml.core.ResponseSignatureTest.failure;
import static io.gatehouse.saml.core.support.TestIdp.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.saml.core.support.EntraResponse;
import io.gatehouse.saml.core.support.TestIdp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Validation step 1: what reaches the DOM, and in which form a Response may arrive. */
class HardenedParsingTest {

    @Test
    void rejectsExternalEntityBeforeReadingIt(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "top-secret");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">&x;</samlp:Response>";

        var f = failure(validate(xxe.getBytes(StandardCharsets.UTF_8)));
        assertThat(f.code()).isEqualTo(FailureCode.DTD_FORBIDDEN);
        assertThat(f.toString()).doesNotContain("top-secret");
    }

    @Test
    void rejectsBillionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String bomb = dtd + "]><samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">&lol9;</samlp:Response>";

        assertThat(failure(validate(bomb.getBytes(StandardCharsets.UTF_8))).code()).isEqualTo(FailureCode.DTD_FORBIDDEN);
    }

    @Test
    void leavesXIncludeUnexpanded(@TempDir Path dir) throws Exception {
        Path other = Files.writeString(dir.resolve("other.xml"), "<leak>top-secret</leak>");
        String xml = "<r xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"" + other.toUri() + "\"/></r>";

        Document doc = SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(doc.getDocumentElement().getTextContent()).doesNotContain("top-secret");
        assertThat(doc.getDocumentElement().getFirstChild().getLocalName()).isEqualTo("include");
    }

    @Test
    void refusesNestingDeeperThanAnySamlMessageNeeds() {
        String deep = "<a>".repeat(SecureXml.MAX_ELEMENT_DEPTH + 1) + "</a>".repeat(SecureXml.MAX_ELEMENT_DEPTH + 1);

        assertThatThrownBy(() -> SecureXml.parse(deep.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SecureXml.ParseException.class);
    }

    @Test
    void rejectsOversizedInputBeforeParsing() {
        byte[] huge = new byte[ResponseInput.MAX_ENCODED_BYTES + 1];
        Arrays.fill(huge, (byte) 'A');

        assertThat(failure(validate(huge)).code()).isEqualTo(FailureCode.INPUT_TOO_LARGE);
    }

    @Test
    void acceptsBase64FormValueWrappedAt76Columns() {
        byte[] xml = TestIdp.signAssertion(EntraResponse.valid());
        byte[] posted = Base64.getMimeEncoder().encode(xml);

        assertThat(new String(posted, StandardCharsets.US_ASCII)).contains("\r\n");
        assertThat(validate(posted).valid()).isTrue();
    }

    @Test
    void acceptsFormParameterString() {
        String posted = Base64.getEncoder().encodeToString(TestIdp.signAssertion(EntraResponse.valid()));

        var validator = new SamlResponseValidator(TestIdp.connection().build(), TestIdp.clockAt(EntraResponse.NOW));
        assertThat(validator.validate(posted).valid()).isTrue();
    }

    @Test
    void acceptsXmlStartingWithByteOrderMark() {
        byte[] xml = TestIdp.signAssertion(EntraResponse.valid());
        byte[] withBom = new byte[xml.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(xml, 0, withBom, 3, xml.length);

        assertThat(validate(withBom).valid()).isTrue();
    }

    @Test
    void rejectsInputThatIsNeitherXmlNorBase64() {
        assertThat(failure(validate("not a SAML response!".getBytes(StandardCharsets.UTF_8))).code())
                .isEqualTo(FailureCode.MALFORMED_XML);
    }

    @Test
    void rejectsEmptyInput() {
        assertThat(failure(validate(new byte[0])).code()).isEqualTo(FailureCode.MALFORMED_XML);
        assertThat(failure(new SamlResponseValidator(TestIdp.connection().build(), TestIdp.clockAt(EntraResponse.NOW))
                .validate((String) null)).code()).isEqualTo(FailureCode.MALFORMED_XML);
    }

    @Test
    void rejectsAuthnRequestPostedToTheAcs() {
        String request = "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_r\" Version=\"2.0\"/>";

        assertThat(failure(validate(request.getBytes(StandardCharsets.UTF_8))).code())
                .isEqualTo(FailureCode.SCHEMA_VIOLATION);
    }

    @Test
    void validatesConcurrentlyWithPooledParsers() throws Exception {
        byte[] xml = TestIdp.signAssertion(EntraResponse.valid());
        var validator = new SamlResponseValidator(TestIdp.connection().build(), TestIdp.clockAt(EntraResponse.NOW));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                results.add(pool.submit(() -> validator.validate(xml).valid()));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
