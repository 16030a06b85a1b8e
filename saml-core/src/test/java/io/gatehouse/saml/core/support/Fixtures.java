package io.gatehouse.saml.core.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import io.gatehouse.saml.core.Certificates;

/** Loads the captured fixtures under src/test/resources/saml-fixtures (origins in each manifest). */
public final class Fixtures {

    private static final String ROOT = "/saml-fixtures/";

    private Fixtures() {
    }

    public static byte[] bytes(String relativePath) {
        try (InputStream in = Fixtures.class.getResourceAsStream(ROOT + relativePath)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + relativePath);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String relativePath) {
        return new String(bytes(relativePath), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> manifest(String folder, String key) {
        return (List<Map<String, Object>>) MiniJson.object(text(folder + "/manifest.json")).get(key);
    }

    /** A manifest's "trusted_cert" value: a path, possibly followed by a comment. */
    public static String pathOf(String manifestValue) {
        return manifestValue.trim().split("\\s+")[0];
    }

    /** Certificates from a PEM file or a bare base64 body. */
    public static List<X509Certificate> certificates(String relativePath) {
        try {
            return Certificates.fromPem(text(relativePath));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not a certificate: " + relativePath, e);
        }
    }
}
