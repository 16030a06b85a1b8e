package io.gatehouse.saml.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.saml.core.SamlValidationResult.Failure;
import io.gatehouse.saml.core.SamlValidationResult.Success;
import io.gatehouse.saml.core.support.Fixtures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every captured real response in responses/manifest.json, with the clock pinned to the
 * manifest's instant. Two entries are policy cases; their outcome under Gatehouse's policy is
 * spelled out in POLICY below.
 */
class RealResponsesTest {

    /** Manifest entries whose "expected" is not plain "valid": our policy's answer and why. */
    private static final Map<String, FailureCode> POLICY = Map.of(
            // Response signature broken in the stored file; every signature present must verify.
            "responses/okta/ssoready-okta-response.xml", FailureCode.SIGNATURE_INVALID,
            // rsa-sha1 + sha1: refused unless the connection allows SHA-1 (checked below too).
            "responses/auth0/gosaml2-auth0-response.xml", FailureCode.SHA1_NOT_ALLOWED);

    static Stream<Map<String, Object>> responses() {
        return Fixtures.manifest("responses", "responses").stream();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("responses")
    void givesTheManifestOutcomeAtThePinnedClock(Map<String, Object> entry) {
        String file = (String) entry.get("file");
        SamlValidationResult result = validator(entry, false, pinnedClock(entry)).validate(Fixtures.bytes(file));

        if (POLICY.containsKey(file)) {
            assertThat(((String) entry.get("expected")).startsWith("valid")).isFalse();
            assertThat(result).isInstanceOfSatisfying(Failure.class,
                    f -> assertThat(f.code()).isEqualTo(POLICY.get(file)));
            return;
        }
        assertThat((String) entry.get("expected")).startsWith("valid");
        assertThat(result).isInstanceOfSatisfying(Success.class, ok -> {
            assertThat(ok.nameId()).isEqualTo(facts(entry).get("nameid"));
            assertThat(ok.issuer()).isEqualTo(facts(entry).get("issuer_assertion"));
            assertThat(ok.inResponseTo()).isEqualTo(facts(entry).get("response_in_response_to"));
        });
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("responses")
    void expiresOnceConditionsNotOnOrAfterPlusSkewHasPassed(Map<String, Object> entry) {
        Instant end = Instant.parse((String) facts(entry).get("conditions_not_on_or_after"));
        Clock late = Clock.fixed(end.plus(SamlValidationConfig.DEFAULT_CLOCK_SKEW), ZoneOffset.UTC);

        SamlValidationResult result = validator(entry, true, late).validate(Fixtures.bytes((String) entry.get("file")));

        if (!POLICY.containsKey(entry.get("file"))) {
            assertThat(result).isInstanceOfSatisfying(Failure.class,
                    f -> assertThat(f.code()).isEqualTo(FailureCode.EXPIRED));
        }
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("responses")
    void refusesSolicitedResponsesForAnotherRequestAndUnsolicitedOnesWithoutConsent(Map<String, Object> entry) {
        String file = (String) entry.get("file");
        if (POLICY.containsKey(file)) {
            return;
        }
        boolean solicited = facts(entry).containsKey("response_in_response_to");
        SamlValidationConfig config = config(entry, true);
        config = solicited ? config.withExpectedRequestId("_another_request")
                : SamlValidationConfig.builder().idpEntityId(config.idpEntityId())
                        .trustedCertificates(config.trustedCertificates()).spEntityId(config.spEntityId())
                        .acsUrl(config.acsUrl()).allowSha1(true).build();

        SamlValidationResult result = new SamlResponseValidator(config, pinnedClock(entry)).validate(Fixtures.bytes(file));

        FailureCode expected = solicited ? FailureCode.IN_RESPONSE_TO_MISMATCH : FailureCode.IDP_INITIATED_NOT_ALLOWED;
        assertThat(result).isInstanceOfSatisfying(Failure.class, f -> assertThat(f.code()).isEqualTo(expected));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("responses")
    void acceptsTheSha1SpecimenOnlyWhenTheConnectionAllowsSha1(Map<String, Object> entry) {
        if (!"responses/auth0/gosaml2-auth0-response.xml".equals(entry.get("file"))) {
            return;
        }
        SamlValidationResult result = validator(entry, true, pinnedClock(entry))
                .validate(Fixtures.bytes((String) entry.get("file")));

        assertThat(result.valid()).isTrue();
    }

    private static SamlResponseValidator validator(Map<String, Object> entry, boolean allowSha1, Clock clock) {
        return new SamlResponseValidator(config(entry, allowSha1), clock);
    }

    static SamlValidationConfig config(Map<String, Object> entry, boolean allowSha1) {
        Map<String, Object> facts = facts(entry);
        String requestId = (String) facts.get("response_in_response_to");
        return SamlValidationConfig.builder()
                .idpEntityId((String) entry.get("idp_entity_id"))
                .trustedCertificates(Fixtures.certificates(Fixtures.pathOf((String) entry.get("trusted_cert"))))
                // The manifest's audience field carries commentary for gosaml2; facts hold the exact value.
                .spEntityId((String) facts.get("audience"))
                .acsUrl((String) entry.get("acs_url"))
                .expectedRequestId(requestId)
                .allowIdpInitiated(requestId == null)
                .allowSha1(allowSha1)
                .build();
    }

    private static Clock pinnedClock(Map<String, Object> entry) {
        String instant = Fixtures.pathOf((String) entry.get("clock_for_valid_test"));
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> facts(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("facts");
    }
}
