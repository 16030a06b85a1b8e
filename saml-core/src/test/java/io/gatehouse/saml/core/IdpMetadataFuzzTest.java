package io.gatehouse.saml.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.gatehouse.saml.core.XmlMutations.Input;
import io.gatehouse.saml.core.support.Fixtures;
import io.gatehouse.testsupport.FuzzSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whatever an admin uploads as IdP metadata, the parser answers with {@link IdpMetadata} or an
 * {@link InvalidMetadataException} listing what to fix: never another exception, which the admin UI would show as a
 * server error. Seeded random tests (see {@link FuzzSettings}) over mutants of the captured Entra metadata in
 * metadata/manifest.json and over arbitrary bytes.
 */
class IdpMetadataFuzzTest {

    private static final IdpMetadataParser PARSER =
            new IdpMetadataParser(Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC));
    private static final XmlMutations MUTATIONS = new XmlMutations(List.of("<KeyDescriptor>", "</KeyDescriptor>",
            " use=\"encryption\"",
            "<IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">",
            "</IDPSSODescriptor>", "<X509Certificate>AAAA</X509Certificate>",
            "<EntitiesDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\">", "</EntitiesDescriptor>",
            "<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"x\">", "</EntityDescriptor>"));
    private static final List<Parsed> METADATA = Fixtures.manifest("metadata", "metadata").stream()
            .map(entry -> parsed((String) entry.get("file"))).toList();

    /** A metadata document and what it parses to before any mutation. */
    private record Parsed(String name, byte[] xml, IdpMetadata metadata) {
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
    void everyUnmutatedDocumentParsesAndIsSigned() {
        assertThat(METADATA).hasSize(4).allSatisfy(p -> assertThat(p.metadata().signed()).isTrue());
    }

    @Test
    void mutatedMetadataIsParsedOrRefusedWithFieldErrors() {
        Map<String, Integer> outcomes = new TreeMap<>();
        FuzzSettings.forAll("IdpMetadataFuzzTest.mutants", random -> {
            Parsed base = METADATA.get(random.nextInt(METADATA.size()));
            return MUTATIONS.mutant(base.name(), base.xml(), random);
        }, input -> {
            IdpMetadata md = parseOrRefuse(input, outcomes);
            if (md != null && md.signed()) {
                // The signature verified, so what it covers is what the IdP published.
                IdpMetadata original = METADATA.stream().filter(p -> p.name().equals(input.origin())).findFirst()
                        .orElseThrow().metadata();
                assertThat(md.entityId()).isEqualTo(original.entityId());
                assertThat(md.signingCertificates()).isEqualTo(original.signingCertificates());
                assertThat(md.singleSignOnServices()).isEqualTo(original.singleSignOnServices());
            }
        });
        System.out.println("[fuzz] metadata mutant outcome: " + outcomes);
    }

    @Test
    void arbitraryBytesAreRefusedWithFieldErrors() {
        Map<String, Integer> outcomes = new TreeMap<>();
        FuzzSettings.forAll("IdpMetadataFuzzTest.bytes", IdpMetadataFuzzTest::arbitrary, input ->
                assertThat(parseOrRefuse(input, outcomes)).as("metadata parsed from random bytes").isNull());
        System.out.println("[fuzz] metadata random bytes outcome: " + outcomes);
    }

    private static Input arbitrary(SplittableRandom random) {
        return XmlMutations.arbitrary(random, 512, List.of(
                "<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://idp.example/\">",
                "<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">"));
    }

    /** The parsed metadata, or null when refused with at least one field error; any other exception propagates. */
    private static IdpMetadata parseOrRefuse(Input input, Map<String, Integer> outcomes) {
        try {
            IdpMetadata md = PARSER.parse(input.bytes());
            assertThat(md).isNotNull();
            assertThat(md.entityId()).isNotBlank();
            assertThat(md.signingCertificates()).isNotEmpty();
            assertThat(md.singleSignOnServices()).isNotEmpty().contains(new IdpMetadata.Endpoint(md.ssoBinding(),
                    md.ssoUrl()));
            outcomes.merge(md.signed() ? "parsed, signed" : "parsed, unsigned", 1, Integer::sum);
            return md;
        } catch (InvalidMetadataException refused) {
            assertThat(refused.errors()).isNotEmpty().allSatisfy(e -> {
                assertThat(e.field()).isNotBlank();
                assertThat(e.message()).isNotBlank();
            });
            outcomes.merge("refused: " + refused.errors().get(0).field(), 1, Integer::sum);
            return null;
        }
    }

    private static Parsed parsed(String file) {
        byte[] xml = Fixtures.bytes(file);
        try {
            return new Parsed(file, xml, PARSER.parse(xml));
        } catch (InvalidMetadataException e) {
            return fail(file + " should parse before mutation", e);
        }
    }
}
