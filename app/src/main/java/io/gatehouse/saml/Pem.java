package io.gatehouse.saml;

import io.gatehouse.saml.core.Certificates;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/** Certificates as PEM text: how they are stored, and how an admin recognises them. */
final class Pem {

    private static final Base64.Encoder LINES = Base64.getMimeEncoder(64, new byte[] {'\n'});

    private Pem() {}

    static String encode(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + LINES.encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("certificate cannot be encoded", e);
        }
    }

    static String encodeAll(List<X509Certificate> certificates) {
        StringBuilder out = new StringBuilder();
        certificates.forEach(c -> out.append(encode(c)));
        return out.toString();
    }

    /** Base64 DER without markers, as ds:X509Certificate wants it. */
    static String base64Der(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("certificate cannot be encoded", e);
        }
    }

    static List<X509Certificate> decodeAll(String pem) {
        try {
            return Certificates.fromPem(pem);
        } catch (CertificateException e) {
            // Only this application writes the column; unreadable content is a defect, not user input.
            throw new IllegalStateException("stored certificate is unreadable", e);
        }
    }
}
