package io.gatehouse.saml.core;

import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.xml.security.Init;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.signature.reference.ReferenceData;
import org.apache.xml.security.signature.reference.ReferenceSubTreeData;
import org.w3c.dom.Element;

/**
 * Verifies one already shape-checked signature with the configured certificates only (validation
 * step 4). KeyInfo is never used as a key: its certificate, when present, only picks which
 * configured key to try first and explains a failure (UNTRUSTED_KEY).
 */
final class SignatureVerifier {

    static {
        Init.init();
    }

    private final List<X509Certificate> certificates;
    private final List<PublicKey> keys;
    private final List<String> encodedCertificates;

    SignatureVerifier(List<X509Certificate> certificates) {
        this.certificates = List.copyOf(certificates);
        this.keys = certificates.stream().map(X509Certificate::getPublicKey).toList();
        this.encodedCertificates = certificates.stream().map(SignatureVerifier::base64).toList();
    }

    /** Returns normally only when the signature verifies and covers exactly signedElement. */
    void verify(Element signature, Element signedElement) throws Rejection {
        // Only the element this signature is attached to becomes resolvable by ID; no other
        // attribute is ever treated as an ID, so the Reference cannot be steered elsewhere.
        signedElement.setIdAttributeNS(null, "ID", true);
        XMLSignature xml;
        try {
            xml = new XMLSignature(signature, "", true);
        } catch (XMLSecurityException e) {
            throw Rejection.of(FailureCode.SIGNATURE_MALFORMED, "xmlsec refused the signature: " + e.getMessage());
        }
        String keyInfoCert = keyInfoCertificate(signature);
        for (int i : tryOrder(keyInfoCert)) {
            if (checks(xml, keys.get(i))) {
                requireCovers(xml, signedElement);
                return;
            }
        }
        throw explainFailure(xml, keyInfoCert, signedElement);
    }

    private static boolean checks(XMLSignature xml, PublicKey key) {
        try {
            return xml.checkSignatureValue(key);
        } catch (XMLSecurityException | RuntimeException e) {
            // Wrong key type for the algorithm, or an unresolvable reference: not verified by this key.
            return false;
        }
    }

    /** Belt and braces: the node xmlsec digested must be the element we will read. */
    private static void requireCovers(XMLSignature xml, Element signedElement) throws Rejection {
        try {
            ReferenceData data = xml.getSignedInfo().item(0).getReferenceData();
            if (data instanceof ReferenceSubTreeData tree && tree.getRoot() != signedElement) {
                throw Rejection.of(FailureCode.SIGNATURE_WRAPPING, "the signature's parent element",
                        "another element", "the verified content is not the element being read");
            }
        } catch (XMLSecurityException e) {
            throw Rejection.of(FailureCode.SIGNATURE_INVALID, "reference could not be re-read after verification");
        }
    }

    private Rejection explainFailure(XMLSignature xml, String keyInfoCert, Element signedElement) {
        String where = signedElement.getLocalName();
        if (keyInfoCert != null && !encodedCertificates.contains(keyInfoCert)) {
            return Rejection.of(FailureCode.UNTRUSTED_KEY, "one of " + fingerprints(), describe(keyInfoCert),
                    "the " + where + " is signed with a certificate that is not configured for this connection; "
                            + "if the IdP rolled its signing certificate over, upload its new metadata");
        }
        boolean digestsMatch;
        try {
            digestsMatch = xml.getSignedInfo().verify(false);
        } catch (XMLSecurityException | RuntimeException e) {
            digestsMatch = false;
        }
        String detail = digestsMatch
                ? "the " + where + " signature value does not verify with the configured certificate(s)"
                : "the " + where + " was modified after it was signed (digest mismatch)";
        return Rejection.of(FailureCode.SIGNATURE_INVALID, "signature by one of " + fingerprints(), "no match", detail);
    }

    /** Indexes of configured keys, the one matching KeyInfo's certificate first. */
    private int[] tryOrder(String keyInfoCert) {
        int[] order = new int[keys.size()];
        int hint = keyInfoCert == null ? -1 : encodedCertificates.indexOf(keyInfoCert);
        int n = 0;
        if (hint >= 0) {
            order[n++] = hint;
        }
        for (int i = 0; i < keys.size(); i++) {
            if (i != hint) {
                order[n++] = i;
            }
        }
        return order;
    }

    /** KeyInfo/X509Data/X509Certificate as compact base64, or null. */
    private static String keyInfoCertificate(Element signature) {
        Element keyInfo = Dom.child(signature, SamlNames.DSIG, "KeyInfo");
        Element data = keyInfo == null ? null : Dom.child(keyInfo, SamlNames.DSIG, "X509Data");
        Element cert = data == null ? null : Dom.child(data, SamlNames.DSIG, "X509Certificate");
        if (cert == null) {
            return null;
        }
        String text = cert.getTextContent();
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > ' ') {
                b.append(c);
            }
        }
        return b.toString();
    }

    private String fingerprints() {
        List<String> out = new ArrayList<>();
        for (X509Certificate c : certificates) {
            out.add("SHA-256 " + Certificates.sha256Fingerprint(c));
        }
        return String.join(", ", out);
    }

    private static String describe(String keyInfoCert) {
        try {
            X509Certificate c = Certificates.fromBase64(keyInfoCert);
            return "SHA-256 " + Certificates.sha256Fingerprint(c) + " (" + Certificates.subject(c) + ")";
        } catch (CertificateException e) {
            return "an unreadable certificate";
        }
    }

    private static String base64(X509Certificate c) {
        try {
            return Base64.getEncoder().encodeToString(c.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }
}
