package io.gatehouse.saml.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.saml.core.support.TestKeys;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Single logout messages from the IdP over HTTP-Redirect: what is accepted, and the check that refuses the rest. */
class LogoutValidatorTest {

    private static final String IDP = "https://sts.windows.net/tenant/";
    private static final String SLO = "https://gatehouse.example/saml/acme/slo";
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

    private final LogoutValidator validator = new LogoutValidator(new LogoutValidator.Config(IDP,
            List.of(TestKeys.IDP.certificate()), SLO, false, Duration.ofMinutes(3)), CLOCK);

    @Test
    void acceptsALogoutRequestSignedByTheIdpOverTheQueryString() {
        LogoutValidator.Result r = validator.validate(request(TestKeys.IDP, IDP, SLO, CLOCK, "state-1"));

        assertThat(r.failure()).isNull();
        assertThat(r.message().kind()).isEqualTo(LogoutValidator.Kind.REQUEST);
        assertThat(r.message().nameId()).isEqualTo("alice@acme.example");
        assertThat(r.message().sessionIndexes()).containsExactly("_session-1");
        assertThat(r.message().relayState()).isEqualTo("state-1");
        assertThat(r.message().keepUntil()).isAfter(NOW);
    }

    @Test
    void acceptsALogoutResponseAndReadsItsStatus() {
        LogoutMessages.Redirect response = LogoutMessages.response(sender(TestKeys.IDP, IDP, SLO, CLOCK), "_ours",
                LogoutMessages.STATUS_SUCCESS, null);

        LogoutValidator.Result r = validator.validate(query(response));

        assertThat(r.message().kind()).isEqualTo(LogoutValidator.Kind.RESPONSE);
        assertThat(r.message().inResponseTo()).isEqualTo("_ours");
        assertThat(r.message().success()).isTrue();
    }

    @Test
    void rejectsAnUnsignedLogoutRequest() {
        String signed = request(TestKeys.IDP, IDP, SLO, CLOCK, null);
        String unsigned = signed.substring(0, signed.indexOf("&SigAlg="));

        assertThat(code(unsigned)).isEqualTo(FailureCode.SIGNATURE_MISSING);
    }

    @Test
    void rejectsALogoutRequestSignedByAnotherKey() {
        assertThat(code(request(TestKeys.ATTACKER, IDP, SLO, CLOCK, null))).isEqualTo(FailureCode.SIGNATURE_INVALID);
    }

    @Test
    void rejectsARelayStateChangedAfterSigning() {
        String q = request(TestKeys.IDP, IDP, SLO, CLOCK, "state-1").replace("RelayState=state-1",
                "RelayState=state-2");

        assertThat(code(q)).isEqualTo(FailureCode.SIGNATURE_INVALID);
    }

    @Test
    void rejectsASecondSignatureParameter() {
        assertThat(code(request(TestKeys.IDP, IDP, SLO, CLOCK, null) + "&Signature=AAAA"))
                .isEqualTo(FailureCode.DUPLICATE_SIGNATURE);
    }

    @Test
    void rejectsSha1UnlessTheConnectionAcceptsIt() {
        String q = request(TestKeys.IDP, IDP, SLO, CLOCK, null).replace(RedirectBinding.urlEncode(RSA_SHA256),
                RedirectBinding.urlEncode("http://www.w3.org/2000/09/xmldsig#rsa-sha1"));

        assertThat(code(q)).isEqualTo(FailureCode.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void rejectsAnotherIssuer() {
        assertThat(code(request(TestKeys.IDP, "https://evil.example/", SLO, CLOCK, null)))
                .isEqualTo(FailureCode.ISSUER_MISMATCH);
    }

    @Test
    void rejectsAMessageForAnotherEndpoint() {
        assertThat(code(request(TestKeys.IDP, IDP, "https://gatehouse.example/saml/other/slo", CLOCK, null)))
                .isEqualTo(FailureCode.DESTINATION_MISMATCH);
    }

    @Test
    void rejectsAMessageOlderThanTheWindow() {
        Clock old = Clock.fixed(NOW.minus(LogoutValidator.MAX_AGE).minus(Duration.ofMinutes(4)), ZoneOffset.UTC);

        assertThat(code(request(TestKeys.IDP, IDP, SLO, old, null))).isEqualTo(FailureCode.EXPIRED);
    }

    @Test
    void rejectsADoctypeEvenWhenSigned() {
        String xml = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><samlp:LogoutRequest xmlns:samlp=\""
                + SamlNames.PROTOCOL + "\">&e;</samlp:LogoutRequest>";
        String q = RedirectBinding.query("SAMLRequest", xml, null, TestKeys.IDP.privateKey(), RSA_SHA256);

        assertThat(code(q)).isEqualTo(FailureCode.DTD_FORBIDDEN);
    }

    @Test
    void rejectsAQueryWithNoLogoutMessage() {
        assertThat(code("foo=bar")).isEqualTo(FailureCode.SCHEMA_VIOLATION);
        assertThat(code(null)).isEqualTo(FailureCode.SCHEMA_VIOLATION);
    }

    private FailureCode code(String query) {
        LogoutValidator.Result r = validator.validate(query);
        assertThat(r.valid()).isFalse();
        return r.failure().code();
    }

    /** A LogoutRequest as an IdP sends it (LogoutMessages writes the same shape from the SP side). */
    static String request(TestKeys keys, String issuer, String destination, Clock clock, String relayState) {
        return query(LogoutMessages.request(sender(keys, issuer, destination, clock), "alice@acme.example",
                "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress", "_session-1", relayState));
    }

    private static LogoutMessages.Sender sender(TestKeys keys, String issuer, String destination, Clock clock) {
        return new LogoutMessages.Sender(issuer, destination, keys.privateKey(), RSA_SHA256, clock);
    }

    private static String query(LogoutMessages.Redirect redirect) {
        return URI.create(redirect.url()).getRawQuery();
    }
}
