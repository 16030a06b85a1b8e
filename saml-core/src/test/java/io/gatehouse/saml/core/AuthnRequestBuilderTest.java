package io.gatehouse.saml.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.saml.core.support.EntraResponse;
import io.gatehouse.saml.core.support.TestIdp;
import io.gatehouse.saml.core.support.TestKeys;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** HTTP-Redirect binding, SAML bindings §3.4.4. */
class AuthnRequestBuilderTest {

    private static final String SSO = "https://login.microsoftonline.com/" + EntraResponse.TENANT + "/saml2";

    private final AuthnRequestBuilder builder = new AuthnRequestBuilder(EntraResponse.SP, EntraResponse.ACS, SSO,
            TestIdp.clockAt(EntraResponse.NOW));

    @Test
    void encodesDeflatedRequestNamingOurEntityAndAcs() throws Exception {
        RedirectAuthnRequest r = builder.withNameIdFormat("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress")
                .build("/dashboard");

        assertThat(r.redirectUrl()).startsWith(SSO + "?SAMLRequest=");
        Map<String, String> q = query(r.redirectUrl());
        assertThat(q).containsOnlyKeys("SAMLRequest", "RelayState").containsEntry("RelayState", "/dashboard");
        Element request = SecureXml.parse(inflate(q.get("SAMLRequest"))).getDocumentElement();
        assertThat(request.getLocalName()).isEqualTo("AuthnRequest");
        assertThat(request.getAttribute("ID")).isEqualTo(r.requestId()).matches("_[0-9a-f]{40}");
        assertThat(request.getAttribute("Destination")).isEqualTo(SSO);
        assertThat(request.getAttribute("AssertionConsumerServiceURL")).isEqualTo(EntraResponse.ACS);
        assertThat(request.getAttribute("IssueInstant")).isEqualTo("2025-03-10T09:15:00Z");
        assertThat(request.getAttribute("ProtocolBinding")).isEqualTo("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");
        assertThat(request.getTextContent()).isEqualTo(EntraResponse.SP);
    }

    @Test
    void generatesAFreshIdForEveryRequest() {
        assertThat(builder.build(null).requestId()).isNotEqualTo(builder.build(null).requestId());
    }

    @Test
    void signsTheQueryStringOctetsInBindingOrder() throws Exception {
        RedirectAuthnRequest r = builder.withSigningKey(TestKeys.SP.privateKey(), SamlNames.RSA_SHA256).build("x y");

        String raw = URI.create(r.redirectUrl()).getRawQuery();
        String signed = raw.substring(0, raw.indexOf("&Signature="));
        assertThat(signed).matches("SAMLRequest=[^&]+&RelayState=x\\+y&SigAlg=http%3A%2F%2Fwww\\.w3\\.org%2F2001%2F04%2F"
                + "xmldsig-more%23rsa-sha256");
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(TestKeys.SP.certificate());
        verifier.update(signed.getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(query(r.redirectUrl()).get("Signature")))).isTrue();
        assertThat(new String(inflate(query(r.redirectUrl()).get("SAMLRequest")), StandardCharsets.UTF_8))
                .doesNotContain("Signature");
    }

    @Test
    void appendsToAnSsoUrlThatAlreadyHasAQuery() {
        var withQuery = new AuthnRequestBuilder("urn:sp", "https://sp/acs", "https://idp.example/sso?tenant=1",
                TestIdp.clockAt(EntraResponse.NOW));

        assertThat(withQuery.build(null).redirectUrl()).startsWith("https://idp.example/sso?tenant=1&SAMLRequest=");
    }

    @Test
    void refusesRelayStateLongerThanEightyBytes() {
        assertThatThrownBy(() -> builder.build("r".repeat(81))).isInstanceOf(IllegalArgumentException.class);
        assertThat(builder.build("r".repeat(80)).redirectUrl()).contains("RelayState=");
    }

    @Test
    void escapesMarkupInConfiguredValues() throws Exception {
        var odd = new AuthnRequestBuilder("urn:sp?a=1&b=<2>", "https://sp/acs", SSO, TestIdp.clockAt(EntraResponse.NOW))
                .withForceAuthn(true);

        RedirectAuthnRequest r = odd.build(null);

        Element request = SecureXml.parse(inflate(query(r.redirectUrl()).get("SAMLRequest"))).getDocumentElement();
        assertThat(request.getTextContent()).isEqualTo("urn:sp?a=1&b=<2>");
        assertThat(request.getAttribute("ForceAuthn")).isEqualTo("true");
    }

    private static Map<String, String> query(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static byte[] inflate(String base64) throws Exception {
        Inflater inflater = new Inflater(true);
        inflater.setInput(Base64.getDecoder().decode(base64));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[512];
        while (!inflater.finished()) {
            out.write(buf, 0, inflater.inflate(buf));
        }
        inflater.end();
        return out.toByteArray();
    }
}
