package io.gatehouse.saml;

import io.gatehouse.saml.core.support.EntraResponse;
import io.gatehouse.saml.core.support.TestIdp;
import io.gatehouse.saml.core.support.TestKeys;
import io.gatehouse.saml.core.support.XmlSigning;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Inflater;
import org.w3c.dom.Document;

/**
 * The IdP side of the SSO tests, on top of saml-core's test IdP: its metadata, reading our AuthnRequest off
 * the redirect, and responses dated now (the application runs on the real clock) addressed to one company.
 */
public final class EntraLikeIdp {

    public static final String SSO_URL = "https://login.microsoftonline.com/" + EntraResponse.TENANT + "/saml2";
    public static final String BASE = "https://gatehouse.test";
    public static final String SLO_URL = "https://login.microsoftonline.com/" + EntraResponse.TENANT + "/saml2/logout";

    private EntraLikeIdp() {}

    /** Federation metadata listing the given signing certificates, shaped like Entra's app metadata. */
    public static String metadata(X509Certificate... signing) {
        return metadata(null, signing);
    }

    /** The same with Entra's HTTP-Redirect SingleLogoutService at {@code sloUrl} (none when null). */
    public static String metadata(String sloUrl, X509Certificate... signing) {
        StringBuilder keys = new StringBuilder();
        for (X509Certificate c : signing) {
            keys.append("<KeyDescriptor use=\"signing\"><KeyInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\">")
                    .append("<X509Data><X509Certificate>").append(base64(c))
                    .append("</X509Certificate></X509Data></KeyInfo></KeyDescriptor>");
        }
        return "<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"" + EntraResponse.IDP
                + "\"><IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">" + keys
                + (sloUrl == null ? "" : "<SingleLogoutService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:"
                        + "HTTP-Redirect\" Location=\"" + sloUrl + "\"/>")
                + "<SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\""
                + SSO_URL + "\"/></IDPSSODescriptor></EntityDescriptor>";
    }

    /** An Entra-shaped response for the company, valid now, answering requestId (null = IdP-initiated). */
    public static EntraResponse response(String companyId, String requestId, String nameId) {
        return EntraResponse.now(BASE, companyId, requestId, nameId);
    }

    /** Signed as Entra does by default (assertion signature, RSA-SHA256), base64 for the POST binding. */
    public static String signed(EntraResponse r) {
        return Base64.getEncoder().encodeToString(TestIdp.signAssertion(r));
    }

    public static String signedWith(EntraResponse r, TestKeys keys) {
        return Base64.getEncoder().encodeToString(TestIdp.sign(r, doc -> XmlSigning.sign(XmlSigning.assertion(doc),
                keys, XmlSigning.RSA_SHA256, XmlSigning.SHA256, true)));
    }

    /** An unsigned error Response, as Entra sends for AADSTS errors. */
    public static String error(String companyId, String requestId, String subStatus, String message) {
        EntraResponse r = response(companyId, requestId, "ignored@example.test");
        r.statusCode = "urn:oasis:names:tc:SAML:2.0:status:Requester";
        r.subStatusCode = subStatus;
        r.statusMessage = message;
        r.includeAssertion = false;
        return Base64.getEncoder().encodeToString(r.xml().getBytes(StandardCharsets.UTF_8));
    }

    public static Map<String, String> form(String samlResponse, String relayState) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("SAMLResponse", samlResponse);
        if (relayState != null) {
            form.put("RelayState", relayState);
        }
        return form;
    }

    /** The query parameters of the redirect to the IdP, decoded. */
    public static Map<String, String> query(String location) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The AuthnRequest XML carried by an HTTP-Redirect URL (bindings §3.4.4.1: base64 of raw DEFLATE). */
    public static Document authnRequest(String location) {
        return redirectMessage(location, "SAMLRequest");
    }

    /** The SAML message in an HTTP-Redirect URL's parameter (SAMLRequest or SAMLResponse). */
    public static Document redirectMessage(String location, String parameter) {
        byte[] deflated = Base64.getDecoder().decode(query(location).get(parameter));
        Inflater inflater = new Inflater(true);
        inflater.setInput(deflated);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsInput()) {
                    break;
                }
                out.write(buffer, 0, n);
            }
        } catch (java.util.zip.DataFormatException e) {
            throw new AssertionError("SAMLRequest is not raw DEFLATE", e);
        } finally {
            inflater.end();
        }
        return XmlSigning.parse(out.toByteArray());
    }

    /** Whether an HTTP-Redirect URL's query signature (bindings §3.4.4.1, RSA-SHA256) verifies with the certificate. */
    public static boolean redirectSignatureVerifies(String location, X509Certificate certificate) {
        String raw = URI.create(location).getRawQuery();
        int at = raw.indexOf("&Signature=");
        if (at < 0) {
            return false;
        }
        try {
            java.security.Signature verifier = java.security.Signature.getInstance("SHA256withRSA");
            verifier.initVerify(certificate);
            verifier.update(raw.substring(0, at).getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(query(location).get("Signature")));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    public static String requestId(String location) {
        return authnRequest(location).getDocumentElement().getAttribute("ID");
    }

    private static String base64(X509Certificate c) {
        try {
            return Base64.getEncoder().encodeToString(c.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
