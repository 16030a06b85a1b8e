package io.gatehouse.bench.saml;

import io.gatehouse.saml.core.SamlValidationConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.xml.security.Init;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A response shaped like Entra ID's (assertion-only RSA-2048/SHA-256 signature, exc-c14n, the
 * usual tenant/object/name claims), signed once at setup. The key pair and self-signed certificate
 * come from the JDK's keytool so the benchmark needs nothing beyond saml-core.
 */
final class EntraShapedResponse {

    static final String TENANT = "7e1d5b3a-0f6c-4c59-9a55-2b8b8f3c1a11";
    static final String IDP = "https://sts.windows.net/" + TENANT + "/";
    static final String SP = "https://gatehouse.example/saml/acme";
    static final String ACS = SP + "/acs";
    static final String REQUEST_ID = "_gh_8d0c1f0e4b7a4e6f9a1b2c3d4e5f6a7b";
    static final Instant NOW = Instant.parse("2025-03-10T09:15:00Z");

    final byte[] xml;
    final X509Certificate certificate;

    private EntraShapedResponse(byte[] xml, X509Certificate certificate) {
        this.xml = xml;
        this.certificate = certificate;
    }

    static EntraShapedResponse create() throws Exception {
        Init.init();
        KeyStore ks = keytoolKeyStore();
        PrivateKey key = (PrivateKey) ks.getKey("idp", "changeit".toCharArray());
        X509Certificate cert = (X509Certificate) ks.getCertificate("idp");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml().getBytes(StandardCharsets.UTF_8)));
        Element assertion = (Element) doc.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "Assertion").item(0);
        assertion.setIdAttributeNS(null, "ID", true);
        XMLSignature sig = new XMLSignature(doc, "", XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
                Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        assertion.insertBefore(sig.getElement(), assertion.getFirstChild().getNextSibling());
        Transforms t = new Transforms(doc);
        t.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        t.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        sig.addDocument("#" + assertion.getAttribute("ID"), t, "http://www.w3.org/2001/04/xmlenc#sha256");
        sig.addKeyInfo(cert);
        sig.sign(key);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty("omit-xml-declaration", "yes");
        transformer.transform(new DOMSource(doc), new StreamResult(out));
        return new EntraShapedResponse(out.toByteArray(), cert);
    }

    SamlValidationConfig config() {
        return SamlValidationConfig.builder().idpEntityId(IDP).trustedCertificate(certificate).spEntityId(SP)
                .acsUrl(ACS).expectedRequestId(REQUEST_ID).build();
    }

    private static KeyStore keytoolKeyStore() throws Exception {
        Path dir = Files.createTempDirectory("saml-bench");
        Path store = dir.resolve("idp.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "idp", "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA",
                "-dname", "CN=Microsoft Azure Federated SSO Certificate", "-validity", "1095", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        byte[] log = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IOException("keytool failed: " + new String(log, StandardCharsets.UTF_8));
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        Files.delete(store);
        Files.delete(dir);
        return ks;
    }

    private static String xml() {
        String claims = claim("http://schemas.microsoft.com/identity/claims/tenantid", TENANT)
                + claim("http://schemas.microsoft.com/identity/claims/objectidentifier", "3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9")
                + claim("http://schemas.microsoft.com/identity/claims/displayname", "Alice Example")
                + claim("http://schemas.microsoft.com/identity/claims/identityprovider", IDP)
                + claim("http://schemas.microsoft.com/claims/authnmethodsreferences",
                        "http://schemas.microsoft.com/ws/2008/06/identity/authenticationmethod/password")
                + claim("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname", "Alice")
                + claim("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname", "Example")
                + claim("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "alice@acme.example")
                + claim("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name", "alice@acme.example");
        return "<samlp:Response ID=\"_5d1c8a3e-7f2b-4c1d-9e8f-0a1b2c3d4e5f\" Version=\"2.0\" IssueInstant=\"2025-03-10T09:15:00.000Z\""
                + " Destination=\"" + ACS + "\" InResponseTo=\"" + REQUEST_ID + "\" xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + "<Issuer xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\">" + IDP + "</Issuer><samlp:Status><samlp:StatusCode"
                + " Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"/></samlp:Status>"
                + "<Assertion ID=\"_a7c3e9f1-2b4d-4e6f-8a0b-1c2d3e4f5a6b\" IssueInstant=\"2025-03-10T09:15:00.000Z\" Version=\"2.0\""
                + " xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\"><Issuer>" + IDP + "</Issuer><Subject><NameID"
                + " Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress\">alice@acme.example</NameID>"
                + "<SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\"><SubjectConfirmationData InResponseTo=\""
                + REQUEST_ID + "\" NotOnOrAfter=\"2025-03-10T10:15:00.000Z\" Recipient=\"" + ACS + "\"/></SubjectConfirmation>"
                + "</Subject><Conditions NotBefore=\"2025-03-10T09:10:00.000Z\" NotOnOrAfter=\"2025-03-10T10:15:00.000Z\">"
                + "<AudienceRestriction><Audience>" + SP + "</Audience></AudienceRestriction></Conditions>"
                + "<AttributeStatement>" + claims + "</AttributeStatement><AuthnStatement AuthnInstant=\"2025-03-10T09:14:30.000Z\""
                + " SessionIndex=\"_a7c3e9f1-2b4d-4e6f-8a0b-1c2d3e4f5a6b\"><AuthnContext><AuthnContextClassRef>"
                + "urn:oasis:names:tc:SAML:2.0:ac:classes:Password</AuthnContextClassRef></AuthnContext></AuthnStatement>"
                + "</Assertion></samlp:Response>";
    }

    private static String claim(String name, String value) {
        return "<Attribute Name=\"" + name + "\"><AttributeValue>" + value + "</AttributeValue></Attribute>";
    }
}
