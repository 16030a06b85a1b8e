package io.gatehouse.saml.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.saml.core.XmlMutations.Input;
import io.gatehouse.saml.core.support.EntraResponse;
import io.gatehouse.saml.core.support.Fixtures;
import io.gatehouse.testsupport.FuzzSettings;
import io.gatehouse.saml.core.support.TestIdp;
import io.gatehouse.saml.core.support.TestKeys;
import io.gatehouse.saml.core.support.XmlSigning;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.xml.security.encryption.XMLCipher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whatever arrives at the ACS, the validator answers with a result: never an exception, never
 * INTERNAL_ERROR, and never a different signed-in user than the IdP signed for. Seeded random tests (see
 * {@link FuzzSettings}) over mutants of test-IdP responses (signed every way Entra signs, and encrypted) and of the
 * real responses in responses/manifest.json, over arbitrary bytes and over base64 form values.
 */
class ResponseFuzzPropertyTest {

    private static final SamlResponseValidator VALIDATOR =
            new SamlResponseValidator(TestIdp.connection().build(), TestIdp.clockAt(EntraResponse.NOW));
    private static final XmlMutations MUTATIONS = new XmlMutations(List.of("<Issuer>x</Issuer>",
            "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_x\" Version=\"2.0\">",
            "<EncryptedAssertion xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\"/>", "URI=\"\"", "URI=\"#_x\""));
    private static final List<Signed> TEST_IDP = testIdpResponses();
    private static final List<Signed> REAL = realResponses();
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /** A document the validator accepts, the validator, and the Success it gives before any mutation. */
    private record Signed(String name, byte[] xml, SamlResponseValidator validator, SamlValidationResult.Success ok) {
    }

    /** A mutant with the document and validator it came from; prints as the mutant. */
    private record Mutant(Signed base, Input input) {

        @Override
        public String toString() {
            return input.toString();
        }
    }

    /** xmlsec logs every failed Reference at WARNING: thousands of lines per run, so quieter while fuzzing. */
    private static final Logger XMLSEC = Logger.getLogger("org.apache.xml.security");
    private static Level xmlsecLevel;

    @BeforeAll
    static void quietXmlsec() {
        xmlsecLevel = XMLSEC.getLevel();
        XMLSEC.setLevel(Level.SEVERE);
    }

    @AfterAll
    static void restoreXmlsec() {
        XMLSEC.setLevel(xmlsecLevel);
    }

    @Test
    void everyUnmutatedDocumentIsAccepted() {
        assertThat(TEST_IDP).allSatisfy(s -> assertThat(s.ok().nameId()).isEqualTo("alice@acme.example"));
        assertThat(REAL).hasSizeGreaterThanOrEqualTo(7);
    }

    @Test
    void mutatedSignedResponsesFailWithATypedCodeOrStillNameTheSignedUser() {
        Map<String, Integer> outcomes = new TreeMap<>();
        FuzzSettings.forAll("ResponseFuzzPropertyTest.mutants", ResponseFuzzPropertyTest::mutant, m -> count(outcomes,
                assertOnlyTypedOutcomes(m.base(), m.base().validator().validate(m.input().bytes()))));
        System.out.println("[fuzz] mutant outcome: " + outcomes);
    }

    @Test
    void arbitraryBytesFailWithATypedCode() {
        FuzzSettings.forAll("ResponseFuzzPropertyTest.bytes",
                r -> XmlMutations.arbitrary(r, 512, List.of("<samlp:Response ", "<Response>")), input -> {
                    SamlValidationResult result = VALIDATOR.validate(input.bytes());

                    assertThat(result.valid()).isFalse();
                    assertOnlyTypedOutcomes(null, result);
                });
    }

    @Test
    void mutatedBase64FormValuesFailWithATypedCode() {
        Map<String, Integer> outcomes = new TreeMap<>();
        FuzzSettings.forAll("ResponseFuzzPropertyTest.base64Mutants", r -> {
            Mutant m = mutant(r);
            return new Mutant(m.base(), new Input(m.input().origin(), m.input().steps(),
                    base64(r, m.input().bytes()).getBytes(StandardCharsets.US_ASCII)));
        }, m -> count(outcomes, assertOnlyTypedOutcomes(m.base(),
                m.base().validator().validate(new String(m.input().bytes(), StandardCharsets.US_ASCII)))));
        System.out.println("[fuzz] base64 mutant outcome: " + outcomes);
    }

    @Test
    void arbitraryBase64FailsWithATypedCode() {
        FuzzSettings.forAll("ResponseFuzzPropertyTest.base64", ResponseFuzzPropertyTest::arbitraryBase64, value -> {
            SamlValidationResult result = VALIDATOR.validate(value);

            assertThat(result.valid()).isFalse();
            assertOnlyTypedOutcomes(null, result);
        });
    }

    /**
     * A failure carries a typed code other than INTERNAL_ERROR; a success (possible only when the mutation left the
     * signed content as it was) is the very user and assertion the IdP signed for.
     */
    private static String assertOnlyTypedOutcomes(Signed base, SamlValidationResult result) {
        if (result instanceof SamlValidationResult.Failure f) {
            assertThat(f.code()).isNotNull().isNotEqualTo(FailureCode.INTERNAL_ERROR);
            return f.code().name();
        }
        SamlValidationResult.Success ok = (SamlValidationResult.Success) result;
        assertThat(base).as("a success for input that was never signed").isNotNull();
        assertThat(ok.nameId()).isEqualTo(base.ok().nameId());
        assertThat(ok).isEqualTo(base.ok());
        return "accepted";
    }

    private static void count(Map<String, Integer> outcomes, String outcome) {
        outcomes.merge(outcome, 1, Integer::sum);
    }

    // ---- generators -------------------------------------------------------------------------------------------

    /** Half the time a test-IdP response, otherwise a real one; then one to three mutations. */
    private static Mutant mutant(SplittableRandom random) {
        List<Signed> bases = random.nextBoolean() ? TEST_IDP : REAL;
        Signed base = bases.get(random.nextInt(bases.size()));
        return new Mutant(base, MUTATIONS.mutant(base.name(), base.xml(), random));
    }

    /** The HTTP-POST form value: one line, or wrapped at 76 columns with CRLF or 64 with LF. */
    private static String base64(SplittableRandom random, byte[] bytes) {
        return switch (random.nextInt(3)) {
            case 0 -> Base64.getEncoder().encodeToString(bytes);
            case 1 -> Base64.getMimeEncoder().encodeToString(bytes);
            default -> Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(bytes);
        };
    }

    /**
     * Random base64: of random bytes (valid base64, never XML), of random characters from the base64 alphabet
     * (lengths and padding right or wrong), or either with stray characters, whitespace or padding inserted.
     */
    private static String arbitraryBase64(SplittableRandom random) {
        StringBuilder value = new StringBuilder();
        if (random.nextBoolean()) {
            byte[] bytes = new byte[random.nextInt(600)];
            random.nextBytes(bytes);
            value.append(base64(random, bytes));
        } else {
            for (int i = random.nextInt(800); i > 0; i--) {
                value.append(BASE64.charAt(random.nextInt(BASE64.length())));
            }
            value.append("==", 0, random.nextInt(3));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            String stray = List.of("=", "-", "_", " ", "\r\n", "\t", "%", "<", "\u00e9", "\u0000", "PHNhbWxw")
                    .get(random.nextInt(11));
            value.insert(random.nextInt(value.length() + 1), stray);
        }
        return value.toString();
    }

    // ---- documents --------------------------------------------------------------------------------------------

    /** Entra's signing options (assertion, response, both) and a signed, encrypted assertion in a signed response. */
    private static List<Signed> testIdpResponses() {
        SamlValidationConfig withSpKey = TestIdp.connection().decryptionKey(TestKeys.SP.privateKey()).build();
        SamlResponseValidator decrypting = new SamlResponseValidator(withSpKey, TestIdp.clockAt(EntraResponse.NOW));
        byte[] encrypted = TestIdp.sign(EntraResponse.valid(), doc -> {
            XmlSigning.sign(XmlSigning.assertion(doc), TestKeys.IDP, XmlSigning.RSA_SHA256, XmlSigning.SHA256, true);
            XmlSigning.encrypt(XmlSigning.assertion(doc), TestKeys.SP.certificate(), XMLCipher.AES_256_GCM,
                    XMLCipher.RSA_OAEP);
            XmlSigning.sign(doc.getDocumentElement(), TestKeys.IDP, XmlSigning.RSA_SHA256, XmlSigning.SHA256, true);
        });
        return List.of(
                signed("test IdP, response and assertion signed", TestIdp.signBoth(EntraResponse.valid()), VALIDATOR),
                signed("test IdP, assertion signed", TestIdp.signAssertion(EntraResponse.valid()), VALIDATOR),
                signed("test IdP, response signed", TestIdp.signResponse(EntraResponse.valid()), VALIDATOR),
                signed("test IdP, signed assertion encrypted", encrypted, decrypting));
    }

    /** The captured responses RealResponsesTest accepts, each at its pinned clock; base64 files decoded. */
    private static List<Signed> realResponses() {
        List<Signed> out = new ArrayList<>();
        for (Map<String, Object> entry : Fixtures.manifest("responses", "responses")) {
            if (!((String) entry.get("expected")).startsWith("valid")) {
                continue;
            }
            String file = (String) entry.get("file");
            byte[] bytes = Fixtures.bytes(file);
            if (new String(bytes, StandardCharsets.ISO_8859_1).strip().charAt(0) != '<') {
                bytes = Base64.getMimeDecoder().decode(bytes);
            }
            Clock clock = Clock.fixed(Instant.parse(Fixtures.pathOf((String) entry.get("clock_for_valid_test"))),
                    ZoneOffset.UTC);
            out.add(signed(file, bytes, new SamlResponseValidator(RealResponsesTest.config(entry, false), clock)));
        }
        return List.copyOf(out);
    }

    private static Signed signed(String name, byte[] xml, SamlResponseValidator validator) {
        SamlValidationResult result = validator.validate(xml);
        if (!(result instanceof SamlValidationResult.Success ok)) {
            throw new IllegalStateException(name + " should be accepted before mutation, got " + result);
        }
        return new Signed(name, xml, validator, ok);
    }
}
