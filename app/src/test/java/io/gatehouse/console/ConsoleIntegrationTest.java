package io.gatehouse.console;

import io.gatehouse.saml.core.support.EntraResponse;
import io.gatehouse.saml.core.support.TestIdp;
import io.gatehouse.saml.core.support.TestKeys;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Scim;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the console tests: companies made by the operator API as the support team makes them, a break-glass
 * administrator signed in through the setup link, and SSO users signed in with IdP-initiated responses from
 * saml-core's test IdP. Plain http, so the cookies are not Secure.
 */
@TestPropertySource(properties = "server.servlet.session.cookie.secure=false")
abstract class ConsoleIntegrationTest extends IntegrationTest {

    static final String PASSWORD = "correct horse battery staple";
    static final String IDP_SSO_URL = "https://login.microsoftonline.com/" + EntraResponse.TENANT + "/saml2";

    /** A company with its break-glass administrator (setup link not used yet). */
    record TestCompany(String id, String adminEmail, String adminId, String setupPath) {}

    WebClient client() {
        return new WebClient(http().base());
    }

    TestCompany companyWithAdmin(String plan) {
        return companyWithAdmin("Console " + System.nanoTime(), plan, "admin" + System.nanoTime() + "@acme.test");
    }

    TestCompany companyWithAdmin(String name, String plan, String email) {
        String id = operator().createCompany(name, plan);
        Http.Response admin = operator().call("POST", "/companies/" + id + "/admins",
                "{\"email\":\"" + email + "\",\"displayName\":\"Ada Admin\"}");
        if (admin.status() != 201) {
            throw new IllegalStateException("admin not created: " + admin);
        }
        String link = admin.json().path("setupLink").asString();
        return new TestCompany(id, email, admin.json().path("userId").asString(), URI.create(link).getPath());
    }

    /** The administrator sets a password through the setup link; the client is then signed in. */
    WebClient signedInAdmin(TestCompany company) {
        WebClient web = client();
        Http.Response done = web.postWithCsrf(company.setupPath(), company.setupPath(),
                Map.of("password", PASSWORD, "confirm", PASSWORD));
        if (done.status() != 302) {
            throw new IllegalStateException("password not set: " + done);
        }
        return web;
    }

    Scim scim(String companyId) {
        return new Scim(http(), operator().issueScimToken(companyId));
    }

    /** Saves a SAML connection to the test IdP (as the operator API does). */
    void connectTestIdp(String companyId) {
        Http.Response saved = http().send("PUT", "/operator/v1/companies/" + companyId + "/saml-connection",
                OPERATOR_TOKEN, testIdpMetadata(), Map.of("Content-Type", "application/xml"));
        if (saved.status() != 200) {
            throw new IllegalStateException("connection not saved: " + saved);
        }
    }

    void grant(String companyId, String userId, String permission) {
        Http.Response r = operator().call("PUT", "/companies/" + companyId + "/roles/users/" + userId + "/"
                + permission, null);
        if (r.status() != 204) {
            throw new IllegalStateException("not granted: " + r);
        }
    }

    /** A client signed in by SSO (IdP-initiated) as {@code nameId}; the company must be connected. */
    WebClient ssoUser(String companyId, String nameId) {
        WebClient web = client();
        Http.Response acs = web.post("/saml/" + companyId + "/acs",
                Map.of("SAMLResponse", signedResponse(companyId, nameId), "RelayState", "/app"));
        if (acs.status() != 302 || web.cookie("GATEHOUSE_SESSION") == null) {
            throw new IllegalStateException("SSO sign-in failed: " + acs);
        }
        return web;
    }

    /** How many entries of {@code action} the company's audit log has. */
    long auditEntries(String companyId, String action) {
        long n = 0;
        for (var entry : operator().call("GET", "/companies/" + companyId + "/audit-log", null).json()) {
            n += action.equals(entry.path("action").asString()) ? 1 : 0;
        }
        return n;
    }

    static String testIdpMetadata() {
        return "<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"" + EntraResponse.IDP
                + "\"><IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + "<KeyDescriptor use=\"signing\"><KeyInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\">"
                + "<X509Data><X509Certificate>" + base64(TestKeys.IDP.certificate())
                + "</X509Certificate></X509Data></KeyInfo></KeyDescriptor>"
                + "<SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\""
                + IDP_SSO_URL + "\"/></IDPSSODescriptor></EntityDescriptor>";
    }

    /** An IdP-initiated, Entra-shaped response for the company, signed by the test IdP, base64. */
    static String signedResponse(String companyId, String nameId) {
        EntraResponse r = EntraResponse.now("https://gatehouse.test", companyId, null, nameId);
        return Base64.getEncoder().encodeToString(TestIdp.signAssertion(r));
    }

    static String addMember(String userId) {
        return """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"add","path":"members","value":[{"value":"%s"}]}]}
                """.formatted(userId);
    }

    private static String base64(X509Certificate c) {
        try {
            return Base64.getEncoder().encodeToString(c.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
