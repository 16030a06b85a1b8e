package io.gatehouse.saml.core;

import io.gatehouse.saml.core.support.Fixtures;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScratchExploreTest {
    @Test
    void explore() throws Exception {
        for (Map<String, Object> r : Fixtures.manifest("responses", "responses")) {
            Map<String, Object> facts = (Map<String, Object>) r.get("facts");
            String file = (String) r.get("file");
            List<X509Certificate> certs = Fixtures.certificates(Fixtures.pathOf((String) r.get("trusted_cert")));
            String clock = ((String) r.get("clock_for_valid_test")).split(" ")[0];
            var cfg = SamlValidationConfig.builder().idpEntityId((String) r.get("idp_entity_id"))
                    .trustedCertificates(certs).spEntityId((String) facts.get("audience"))
                    .acsUrl((String) r.get("acs_url")).expectedRequestId((String) facts.get("response_in_response_to"))
                    .allowIdpInitiated(true).build();
            var v = new SamlResponseValidator(cfg, Clock.fixed(Instant.parse(clock), ZoneOffset.UTC));
            System.out.println(file + " -> " + v.validate(Fixtures.bytes(file)));
        }
        for (Map<String, Object> a : Fixtures.manifest("attacks", "attacks")) {
            Map<String, Object> facts = (Map<String, Object>) a.get("facts");
            String file = (String) a.get("file");
            String tc = Fixtures.pathOf((String) a.get("trusted_cert"));
            List<X509Certificate> certs;
            String idp = (String) a.get("idp_entity_id");
            if (tc.endsWith(".xml")) {
                IdpMetadata md = new IdpMetadataParser(Clock.systemUTC()).parse(Fixtures.bytes(tc));
                certs = md.certificates();
                idp = md.entityId();
            } else {
                certs = Fixtures.certificates(tc);
            }
            if (idp == null) idp = (String) facts.getOrDefault("issuer_assertion", "x");
            String sp = (String) a.getOrDefault("sp_entity_id", facts.getOrDefault("audience", "x"));
            String acs = (String) a.getOrDefault("acs_url", facts.getOrDefault("destination", "x"));
            String clock = (String) a.getOrDefault("clock", facts.getOrDefault("issue_instant", "2020-01-01T00:00:00Z"));
            var cfg = SamlValidationConfig.builder().idpEntityId(idp).trustedCertificates(certs).spEntityId(sp == null ? "x" : sp)
                    .acsUrl(acs == null ? "x" : acs).expectedRequestId((String) facts.get("response_in_response_to"))
                    .allowIdpInitiated(true).allowSha1(false).build();
            var v = new SamlResponseValidator(cfg, Clock.fixed(java.time.OffsetDateTime.parse(clock).toInstant(), ZoneOffset.UTC));
            var res = v.validate(Fixtures.bytes(file));
            System.out.println(file + " -> " + res);
            if (res instanceof SamlValidationResult.Failure f && f.code() == FailureCode.SHA1_NOT_ALLOWED) {
                var v2 = new SamlResponseValidator(cfg.withExpectedRequestId(cfg.expectedRequestId()) , Clock.fixed(java.time.OffsetDateTime.parse(clock).toInstant(), ZoneOffset.UTC));
                var cfg2 = SamlValidationConfig.builder().idpEntityId(idp).trustedCertificates(certs).spEntityId(sp == null ? "x" : sp)
                    .acsUrl(acs == null ? "x" : acs).expectedRequestId((String) facts.get("response_in_response_to"))
                    .allowIdpInitiated(true).allowSha1(true).build();
                System.out.println("     sha1 allowed -> " + new SamlResponseValidator(cfg2, Clock.fixed(java.time.OffsetDateTime.parse(clock).toInstant(), ZoneOffset.UTC)).validate(Fixtures.bytes(file)));
            }
        }
        for (Map<String, Object> m : Fixtures.manifest("metadata", "metadata")) {
            String file = (String) m.get("file");
            try {
                var md = new IdpMetadataParser(Clock.fixed(Instant.parse("2026-10-01T00:00:00Z"), ZoneOffset.UTC)).parse(Fixtures.bytes(file));
                System.out.println(file + " -> " + md.entityId() + " " + md.ssoUrl() + " certs=" + md.signingCertificates().size() + " signed=" + md.signed() + " " + md.warnings());
            } catch (InvalidMetadataException e) {
                System.out.println(file + " -> " + e.errors());
            }
        }
    }
}
