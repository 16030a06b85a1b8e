package io.gatehouse.saml.core;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Checks the enveloped signature Entra puts on its metadata. Trust in the metadata comes from the
 * admin uploading it; the signature proves the file was not edited after the IdP produced it, so a
 * broken signature is an error while a valid one by an unlisted certificate is only a warning.
 */
final class MetadataSignature {

    private MetadataSignature() {
    }

    /** Returns true when a signature was present and verified. */
    static boolean check(Document doc, Element entity, List<X509Certificate> listed, List<IdpMetadata.Warning> warnings,
            IdpMetadataParser.Errors errors) {
        try {
            ResponseStructure scan = ResponseStructure.scan(doc, new HashSet<>());
            Element root = doc.getDocumentElement();
            Element signature = null;
            for (Element sig : scan.signatures) {
                if (sig.getParentNode() != entity && sig.getParentNode() != root || signature != null) {
                    errors.add("Signature", "only one signature, on the EntityDescriptor or EntitiesDescriptor, is accepted");
                    return false;
                }
                signature = sig;
            }
            if (signature == null) {
                return false;
            }
            Element signed = (Element) signature.getParentNode();
            SignatureShape.checkStructure(signature, signed);
            if (SignatureShape.checkAlgorithms(signature, true)) {
                warnings.add(new IdpMetadata.Warning(IdpMetadata.WarningCode.SHA1_SIGNATURE,
                        "the metadata is signed with SHA-1; the IdP should move to SHA-256"));
            }
            verify(signature, signed, listed, warnings);
            return true;
        } catch (Rejection r) {
            errors.add("Signature", r.failure().detail() + " — download the metadata again from the IdP; "
                    + "a file edited after signing is refused");
            return false;
        }
    }

    private static void verify(Element signature, Element signed, List<X509Certificate> listed,
            List<IdpMetadata.Warning> warnings) throws Rejection {
        try {
            new SignatureVerifier(listed).verify(signature, signed);
        } catch (Rejection r) {
            if (r.failure().code() != FailureCode.UNTRUSTED_KEY) {
                throw r;
            }
            new SignatureVerifier(List.of(keyInfoCertificate(signature))).verify(signature, signed);
            warnings.add(new IdpMetadata.Warning(IdpMetadata.WarningCode.SIGNED_BY_UNLISTED_CERTIFICATE,
                    "the metadata is signed by a certificate it does not list as a signing certificate"));
        }
    }

    private static X509Certificate keyInfoCertificate(Element signature) throws Rejection {
        Element keyInfo = Dom.child(signature, SamlNames.DSIG, "KeyInfo");
        Element data = keyInfo == null ? null : Dom.child(keyInfo, SamlNames.DSIG, "X509Data");
        Element cert = data == null ? null : Dom.child(data, SamlNames.DSIG, "X509Certificate");
        try {
            if (cert != null) {
                return Certificates.fromBase64(cert.getTextContent());
            }
        } catch (CertificateException e) {
            // fall through
        }
        throw Rejection.of(FailureCode.SIGNATURE_INVALID, "the metadata signature does not verify");
    }
}
