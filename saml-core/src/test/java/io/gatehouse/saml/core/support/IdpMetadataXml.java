package io.gatehouse.saml.core.support;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/** Minimal IdP metadata for a test: the entity ID, its signing certificates and one sign-in URL. */
public final class IdpMetadataXml {

    private IdpMetadataXml() {
    }

    public static String of(String entityId, List<X509Certificate> signing) {
        StringBuilder keys = new StringBuilder();
        for (X509Certificate c : signing) {
            keys.append("<md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>")
                    .append(base64(c)).append("</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>");
        }
        return "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" "
                + "xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\"" + entityId.replace("&", "&amp;")
                .replace("\"", "&quot;").replace("<", "&lt;") + "\">"
                + "<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">" + keys
                + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" "
                + "Location=\"https://idp.example/sso\"/></md:IDPSSODescriptor></md:EntityDescriptor>";
    }

    private static String base64(X509Certificate c) {
        try {
            return Base64.getEncoder().encodeToString(c.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
