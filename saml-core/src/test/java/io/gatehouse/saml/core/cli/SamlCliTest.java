package io.gatehouse.saml.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.saml.core.FailureCode;
import io.gatehouse.saml.core.SamlValidationResult;
import io.gatehouse.saml.core.support.EntraResponse;
import io.gatehouse.saml.core.support.Fixtures;
import io.gatehouse.saml.core.support.IdpMetadataXml;
import io.gatehouse.saml.core.support.MiniJson;
import io.gatehouse.saml.core.support.TestIdp;
import io.gatehouse.saml.core.support.TestKeys;
import io.gatehouse.saml.core.support.XmlSigning;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The support engineers' command, run in-process exactly as the app's main class calls it. */
class SamlCliTest {

    private static final String SP = "http://localhost:8080/accounts/8155d0cc-d51b-461a-a062-821b6bd574b1/saml";
    private static final String ACS = SP + "/acs";
    private static final String NOW = "2023-11-17T18:39:30.314Z";
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    @TempDir
    static Path dir;
    private static Path metadata;
    private static Path response;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void files() throws IOException {
        metadata = write("metadata.xml", Fixtures.bytes("metadata/entra-app-metadata-tenant-a9054a0f-2023.xml"));
        response = write("response.xml", Fixtures.bytes("responses/entra/ssoready-entra-response.xml"));
    }

    @Test
    void printsValidResultForRealEntraResponse() {
        int exit = run("saml", "verify", "--idp-metadata", metadata.toString(), "--sp-entity-id", SP, "--acs-url", ACS,
                "--now", NOW, "--allow-idp-initiated", response.toString());

        assertThat(exit).isEqualTo(0);
        Map<String, Object> json = json();
        assertThat(json).containsOnlyKeys("valid", "code", "detail", "issuer", "nameId", "attributes");
        assertThat(json).containsEntry("valid", true).containsEntry("code", "OK")
                .containsEntry("issuer", "https://sts.windows.net/a9054a0f-2011-4e31-b3ac-fd8c354146ec/")
                .containsEntry("nameId", "ulysse.carion_codomaindata.com#EXT#@ulyssecarioncodomaindata.onmicrosoft.com");
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) json.get("attributes");
        assertThat(attributes).containsEntry("http://schemas.microsoft.com/identity/claims/displayname",
                List.of("Ulysse Carion"));
    }

    @Test
    void acceptsBase64ResponseFile() throws IOException {
        Path b64 = write("response.b64", Base64.getMimeEncoder().encode(Files.readAllBytes(response)));

        assertThat(run("saml", "verify", "--idp-metadata=" + metadata, "--sp-entity-id=" + SP, "--acs-url=" + ACS,
                "--now=" + NOW, "--allow-idp-initiated", b64.toString())).isEqualTo(0);
    }

    @Test
    void printsInvalidResultWithCodeWhenIdpInitiatedIsNotAllowed() {
        int exit = run("saml", "verify", "--idp-metadata", metadata.toString(), "--sp-entity-id", SP, "--acs-url", ACS,
                "--now", NOW, response.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(json()).containsEntry("valid", false).containsEntry("code", "IDP_INITIATED_NOT_ALLOWED")
                .containsEntry("issuer", null).containsEntry("attributes", Map.of());
    }

    @Test
    void reportsAudienceOfAnotherCompanyWithExpectedAndActual() {
        int exit = run("saml", "verify", "--idp-metadata", metadata.toString(), "--sp-entity-id", "urn:globex",
                "--acs-url", ACS, "--now", NOW, "--allow-idp-initiated", response.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(json()).containsEntry("code", "AUDIENCE_MISMATCH");
        assertThat((String) json().get("detail")).contains("expected: urn:globex").contains("actual: " + SP);
    }

    @Test
    void warnsOnStderrAboutTenantWideMetadata() throws IOException {
        Path wide = write("wide.xml", Fixtures.bytes("metadata/entra-tenant-wide-metadata-NO-appid-6e89e984-2025.xml"));

        int exit = run("saml", "verify", "--idp-metadata", wide.toString(), "--sp-entity-id", SP, "--acs-url", ACS,
                "--now", NOW, "--allow-idp-initiated", response.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(json()).containsEntry("code", "UNTRUSTED_KEY");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("warning: TENANT_WIDE_METADATA");
    }

    @Test
    void escapesJsonControlAndNonAsciiCharacters() {
        String json = SamlCli.toJson(new SamlValidationResult.Success("i\"ss\\uer", "n\u00e9\n",
                null, null, null, Map.of("a\tb", List.of("\u2028")), "id", Instant.EPOCH, null));

        assertThat(json.chars().allMatch(c -> c >= 0x20 && c < 0x7F)).as("printable ASCII only: %s", json).isTrue();
        Map<String, Object> parsed = MiniJson.object(json);
        assertThat(parsed).containsEntry("issuer", "i\"ss\\uer").containsEntry("nameId", "n\u00e9\n");
        assertThat(parsed.get("attributes")).isEqualTo(Map.of("a\tb", List.of("\u2028")));
    }

    @Test
    void printsUsageForHelpWithoutFailing() {
        assertThat(run("saml", "verify", "--help")).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: saml verify");
    }

    static Stream<List<String>> usageErrors() throws IOException {
        String md = dir.resolve("metadata.xml").toString();
        String resp = dir.resolve("response.xml").toString();
        List<String> base = List.of("saml", "verify", "--idp-metadata", md, "--sp-entity-id", SP, "--acs-url", ACS);
        return Stream.of(
                List.of(),
                List.of("saml"),
                List.of("verify"),
                List.of("saml", "check", resp),
                List.of("saml", "verify"),
                without(base, "--idp-metadata", md, resp),
                without(base, "--sp-entity-id", SP, resp),
                without(base, "--acs-url", ACS, resp),
                base,
                plus(base, resp, resp),
                plus(base, "--unknown", resp),
                plus(base, "--now", "yesterday", resp),
                plus(base, "--now", resp),
                plus(base, "--request-id", resp),
                plus(base, "--sp-entity-id", "again", resp),
                plus(base, "--allow-sha1=yes", resp),
                plus(base, "--sp-entity-id="),
                plus(base, dir.resolve("missing.xml").toString()),
                List.of("saml", "verify", "--idp-metadata", resp, "--sp-entity-id", SP, "--acs-url", ACS, resp),
                List.of("saml", "verify", "--idp-metadata", dir.toString(), "--sp-entity-id", SP, "--acs-url", ACS, resp));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("usageErrors")
    void exitsWithTwoAndUsageOnEveryUsageError(List<String> args) {
        int exit = run(args.toArray(String[]::new));

        assertThat(exit).isEqualTo(2);
        assertThat(out.size()).as("nothing on stdout").isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: saml verify");
    }

    /** The test IdP's responses, judged with its metadata; each case breaks the signature in one way. */
    static Stream<Arguments> refusedSignatures() {
        return Stream.of(
                Arguments.of("malformed: no SignatureValue", FailureCode.SIGNATURE_MALFORMED, mutate(doc -> {
                    signAssertion(doc);
                    Element value = first(doc, "SignatureValue");
                    value.getParentNode().removeChild(value);
                })),
                Arguments.of("malformed: SignatureValue not base64", FailureCode.SIGNATURE_INVALID, mutate(doc -> {
                    signAssertion(doc);
                    first(doc, "SignatureValue").setTextContent("!!! not base64 !!!");
                })),
                Arguments.of("malformed: two References to the assertion", FailureCode.SIGNATURE_MALFORMED,
                        mutate(doc -> {
                            signAssertion(doc);
                            Element reference = first(doc, "Reference");
                            reference.getParentNode().appendChild(reference.cloneNode(true));
                        })),
                Arguments.of("duplicated: the assertion signed twice", FailureCode.DUPLICATE_SIGNATURE, mutate(doc -> {
                    signAssertion(doc);
                    Element signature = first(doc, "Signature");
                    signature.getParentNode().insertBefore(signature.cloneNode(true), signature);
                })),
                Arguments.of("duplicated: the Response signed twice", FailureCode.DUPLICATE_SIGNATURE, mutate(doc -> {
                    XmlSigning.sign(doc.getDocumentElement(), TestKeys.IDP, XmlSigning.RSA_SHA256, XmlSigning.SHA256,
                            true);
                    Element signature = first(doc, "Signature");
                    signature.getParentNode().insertBefore(signature.cloneNode(true), signature);
                })),
                Arguments.of("spoofed: garbage Response signature beside a valid assertion signature",
                        FailureCode.SIGNATURE_INVALID, mutate(doc -> {
                            signAssertion(doc);
                            XmlSigning.sign(doc.getDocumentElement(), TestKeys.IDP, XmlSigning.RSA_SHA256,
                                    XmlSigning.SHA256, true);
                            first(doc, "SignatureValue").setTextContent("AAAA");
                        })),
                Arguments.of("spoofed: the Response re-signed by an attacker's key", FailureCode.UNTRUSTED_KEY,
                        mutate(doc -> {
                            signAssertion(doc);
                            XmlSigning.sign(doc.getDocumentElement(), TestKeys.ATTACKER, XmlSigning.RSA_SHA256,
                                    XmlSigning.SHA256, true);
                        })),
                Arguments.of("spoofed: signed by an attacker's key naming the IdP's certificate",
                        FailureCode.SIGNATURE_INVALID, mutate(doc -> XmlSigning.sign(XmlSigning.assertion(doc),
                                TestKeys.ATTACKER.privateKey(), TestKeys.IDP.certificate(), XmlSigning.RSA_SHA256,
                                XmlSigning.SHA256))),
                Arguments.of("same ID twice: both signatures reference the Response",
                        FailureCode.REFERENCE_URI_MISMATCH, mutate(doc -> {
                            signAssertion(doc);
                            XmlSigning.sign(doc.getDocumentElement(), TestKeys.IDP, XmlSigning.RSA_SHA256,
                                    XmlSigning.SHA256, true);
                            ((Element) doc.getElementsByTagNameNS(DSIG, "Reference").item(1))
                                    .setAttribute("URI", "#" + doc.getDocumentElement().getAttribute("ID"));
                        })),
                Arguments.of("same ID twice: two elements carry the assertion's ID", FailureCode.DUPLICATE_ID,
                        duplicateAssertionId()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedSignatures")
    void endsEveryRefusedSignatureWithExitOneAndItsSpecificCode(String name, FailureCode code, byte[] xml)
            throws IOException {
        Path file = write("refused.xml", xml);

        int exit = runTestIdp(file);

        assertThat(exit).as(name).isEqualTo(1);
        assertThat(json()).containsEntry("valid", false).containsEntry("code", code.name());
    }

    @Test
    void acceptsAnUnsignedResponseWhoseAssertionIsSignedWhenAudienceRecipientAndDestinationMatch()
            throws IOException {
        Path file = write("assertion-signed.xml", TestIdp.signAssertion(EntraResponse.valid()));

        int exit = runTestIdp(file);

        assertThat(exit).isEqualTo(0);
        assertThat(json()).containsEntry("valid", true).containsEntry("nameId", "alice@acme.example");
    }

    static Stream<Arguments> mismatchesOfAnAssertionSignedResponse() {
        return Stream.of(
                Arguments.of(FailureCode.AUDIENCE_MISMATCH, (Consumer<EntraResponse>) r -> r.audience = "urn:other"),
                Arguments.of(FailureCode.RECIPIENT_MISMATCH,
                        (Consumer<EntraResponse>) r -> r.recipient = "https://evil.example/acs"),
                Arguments.of(FailureCode.DESTINATION_MISMATCH,
                        (Consumer<EntraResponse>) r -> r.destination = "https://evil.example/acs"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mismatchesOfAnAssertionSignedResponse")
    void refusesAnAssertionSignedResponseForAnotherAudienceRecipientOrDestination(FailureCode code,
            Consumer<EntraResponse> change) throws IOException {
        EntraResponse response = EntraResponse.valid();
        change.accept(response);
        Path file = write("mismatch.xml", TestIdp.signAssertion(response));

        assertThat(runTestIdp(file)).isEqualTo(1);
        assertThat(json()).containsEntry("code", code.name());
    }

    /** saml verify for the test IdP's SP-initiated response, with its metadata. */
    private int runTestIdp(Path response) throws IOException {
        Path md = write("test-idp.xml", IdpMetadataXml.of(EntraResponse.IDP, List.of(TestKeys.IDP.certificate()))
                .getBytes(StandardCharsets.UTF_8));
        return run("saml", "verify", "--idp-metadata", md.toString(), "--sp-entity-id", EntraResponse.SP,
                "--acs-url", EntraResponse.ACS, "--now", EntraResponse.NOW.toString(), "--request-id",
                EntraResponse.REQUEST_ID, response.toString());
    }

    private static byte[] mutate(Consumer<Document> change) {
        return TestIdp.sign(EntraResponse.valid(), change);
    }

    private static byte[] duplicateAssertionId() {
        EntraResponse r = EntraResponse.valid();
        r.afterAssertion = "<samlp:Extensions ID=\"" + r.assertionId + "\"/>";
        return TestIdp.signAssertion(r);
    }

    private static void signAssertion(Document doc) {
        XmlSigning.sign(XmlSigning.assertion(doc), TestKeys.IDP, XmlSigning.RSA_SHA256, XmlSigning.SHA256, true);
    }

    private static Element first(Document doc, String dsigName) {
        return (Element) doc.getElementsByTagNameNS(DSIG, dsigName).item(0);
    }

    private int run(String... args) {
        return SamlCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Map<String, Object> json() {
        String text = out.toString(StandardCharsets.UTF_8).trim();
        assertThat(text.lines()).hasSize(1);
        return MiniJson.object(text);
    }

    private static Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static List<String> without(List<String> base, String option, String value, String last) {
        List<String> l = new ArrayList<>(base);
        int i = l.indexOf(option);
        l.remove(i + 1);
        l.remove(i);
        l.add(last);
        return l;
    }

    private static List<String> plus(List<String> base, String... more) {
        List<String> l = new ArrayList<>(base);
        l.addAll(List.of(more));
        return l;
    }
}
