package io.gatehouse.saml.core;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** X.509 helpers: decoding from metadata/PEM text and the fingerprints admins compare with Entra's UI. */
public final class Certificates {

    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN ?CERTIFICATE-----(.*?)-----END ?CERTIFICATE-----", Pattern.DOTALL);

    private Certificates() {
    }

    /** Decodes the base64 DER found in ds:X509Certificate (line breaks and spaces tolerated). */
    public static X509Certificate fromBase64(String base64) throws CertificateException {
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new CertificateException("not base64", e);
        }
        return fromDer(der);
    }

    public static X509Certificate fromDer(byte[] der) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    /**
     * All certificates of a PEM text, or of a bare base64 body as some IdP consoles hand them
     * out. Tolerates the mangled markers copy and paste produces ("-----BEGINCERTIFICATE-----").
     */
    public static List<X509Certificate> fromPem(String pem) throws CertificateException {
        Matcher m = PEM_BLOCK.matcher(pem);
        List<X509Certificate> out = new ArrayList<>();
        while (m.find()) {
            out.add(fromBase64(m.group(1)));
        }
        if (out.isEmpty()) {
            out.add(fromBase64(pem));
        }
        return out;
    }

    /** The subject as people read it ("EMAILADDRESS=…, CN=…"), not RFC 2253's hex-encoded OIDs. */
    public static String subject(X509Certificate cert) {
        return cert.getSubjectX500Principal().toString();
    }

    /** Uppercase hex SHA-256 of the DER encoding, as Entra and openssl show it (without colons). */
    public static String sha256Fingerprint(X509Certificate cert) {
        return fingerprint(cert, "SHA-256");
    }

    /** Uppercase hex SHA-1 "thumbprint", the identifier Entra's portal lists certificates by. */
    public static String sha1Fingerprint(X509Certificate cert) {
        return fingerprint(cert, "SHA-1");
    }

    static String fingerprint(byte[] der, String algorithm) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance(algorithm).digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is a mandatory JDK algorithm", e);
        }
    }

    private static String fingerprint(X509Certificate cert, String algorithm) {
        try {
            return fingerprint(cert.getEncoded(), algorithm);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("certificate cannot be re-encoded", e);
        }
    }
}
