package io.gatehouse.saml.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.gatehouse.saml.core.SamlValidationResult.Failure;
import io.gatehouse.saml.core.support.Fixtures;
import io.gatehouse.saml.core.support.TestKeys;
import io.gatehouse.saml.core.support.XmlSigning;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The named attack corpus (attacks/manifest.json). SHA-1 is allowed here so that the legacy
 * SHA-1 fixtures are stopped by the defence they were written against; every attack is also
 * refused under the default policy. The table maps each manifest reason to our code.
 */
class AttackCorpusTest {

    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    static Stream<Map<String, Object>> attacks() {
        return Fixtures.manifest("attacks", "attacks").stream();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("attacks")
    void refusesEveryAttackForTheReasonTheManifestGives(Map<String, Object> entry) {
        AttackTable.Row row = AttackTable.row((String) entry.get("file"));

        SamlValidationResult result = validator(entry, config(entry, true)).validate(Fixtures.bytes(row.file()));

        if (row.code() == null) {
            assertThat(result.valid()).as("%s is a control case", row.file()).isTrue();
        } else {
            assertThat(result).isInstanceOfSatisfying(Failure.class, f -> assertThat(f.code())
                    .as("%s (%s)", row.file(), entry.get("why")).isEqualTo(row.code()));
        }
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("attacks")
    void refusesEveryFixtureUnderTheDefaultPolicy(Map<String, Object> entry) {
        AttackTable.Row row = AttackTable.row((String) entry.get("file"));

        SamlValidationResult result = validator(entry, config(entry, false)).validate(Fixtures.bytes(row.file()));

        assertThat(result.valid()).isFalse();
    }

    /**
     * Where our stricter policy stops a fixture before its intended defect (the stored Okta
     * Response signature is broken; the SP tester signs with URI=""), remove just that obstacle
     * and check the intended defect is what refuses it: strip the broken Response signature, or
     * re-sign the Response properly with the test IdP key and trust that key.
     */
    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("attacks")
    void revealsTheIntendedDefectOnceOurStricterCheckIsSatisfied(Map<String, Object> entry) {
        AttackTable.Row row = AttackTable.row((String) entry.get("file"));
        if (row.fix() == AttackTable.Fix.NONE) {
            return;
        }
        Document doc = XmlSigning.parse(xml(row.file()));
        removeResponseSignature(doc);
        SamlValidationConfig config = config(entry, true);
        if (row.fix() == AttackTable.Fix.RESIGN_RESPONSE) {
            XmlSigning.sign(doc.getDocumentElement(), TestKeys.IDP, XmlSigning.RSA_SHA256, XmlSigning.SHA256, false);
            config = withCertificates(config, List.of(TestKeys.IDP.certificate()));
        }

        SamlValidationResult result = validator(entry, config).validate(XmlSigning.serialize(doc));

        if (row.intended() == null) {
            assertThat(result.valid()).as("%s once re-signed", row.file()).isTrue();
        } else {
            assertThat(result).isInstanceOfSatisfying(Failure.class,
                    f -> assertThat(f.code()).as("%s (%s)", row.file(), entry.get("why")).isEqualTo(row.intended()));
        }
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("attacks")
    void everyManifestEntryHasARowInTheTable(Map<String, Object> entry) {
        assertThatCode(() -> AttackTable.row((String) entry.get("file"))).doesNotThrowAnyException();
    }

    private static void removeResponseSignature(Document doc) {
        Element root = doc.getDocumentElement();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (DSIG.equals(n.getNamespaceURI()) && "Signature".equals(n.getLocalName())) {
                root.removeChild(n);
                return;
            }
        }
    }

    private static byte[] xml(String file) {
        byte[] raw = Fixtures.bytes(file);
        return raw[0] == '<' ? raw : Base64.getMimeDecoder().decode(raw);
    }

    private static SamlResponseValidator validator(Map<String, Object> entry, SamlValidationConfig config) {
        return new SamlResponseValidator(config, Clock.fixed(instantOf(entry), ZoneOffset.UTC));
    }

    /** The instant a fixture is judged at: the manifest's clock, else the response's IssueInstant. */
    static Instant instantOf(Map<String, Object> entry) {
        @SuppressWarnings("unchecked")
        Map<String, Object> facts = (Map<String, Object>) entry.get("facts");
        String clock = (String) entry.getOrDefault("clock", facts.getOrDefault("issue_instant", "2020-01-01T00:00:00Z"));
        return OffsetDateTime.parse(clock).toInstant();
    }

    /** Library fixtures carry no SP settings; their own facts (audience, destination) stand in. */
    static SamlValidationConfig config(Map<String, Object> entry, boolean allowSha1) {
        @SuppressWarnings("unchecked")
        Map<String, Object> facts = (Map<String, Object>) entry.get("facts");
        String trusted = Fixtures.pathOf((String) entry.get("trusted_cert"));
        List<X509Certificate> certs;
        String idp = (String) entry.get("idp_entity_id");
        if (trusted.endsWith(".xml")) {
            IdpMetadata metadata = parseMetadata(trusted);
            certs = metadata.certificates();
            idp = metadata.entityId();
        } else {
            certs = Fixtures.certificates(trusted);
        }
        String requestId = (String) facts.get("response_in_response_to");
        return SamlValidationConfig.builder()
                .idpEntityId(idp != null ? idp : (String) facts.getOrDefault("issuer_assertion", "urn:idp"))
                .trustedCertificates(certs)
                .spEntityId((String) entry.getOrDefault("sp_entity_id", facts.getOrDefault("audience", "urn:sp")))
                .acsUrl((String) entry.getOrDefault("acs_url", facts.getOrDefault("destination", "https://sp/acs")))
                .expectedRequestId(requestId)
                .allowIdpInitiated(requestId == null)
                .allowSha1(allowSha1)
                .build();
    }

    private static IdpMetadata parseMetadata(String path) {
        try {
            return new IdpMetadataParser(Clock.systemUTC()).parse(Fixtures.bytes(path));
        } catch (InvalidMetadataException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SamlValidationConfig withCertificates(SamlValidationConfig c, List<X509Certificate> certs) {
        return new SamlValidationConfig(c.idpEntityId(), certs, c.spEntityId(), c.acsUrl(), c.expectedRequestId(),
                c.allowIdpInitiated(), c.allowSha1(), c.clockSkew(), c.decryptionKeys());
    }
}
