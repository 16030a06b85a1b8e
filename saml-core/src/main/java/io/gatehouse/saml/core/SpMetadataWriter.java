package io.gatehouse.saml.core;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Writes our service provider metadata (SAML metadata §2.4.4) for a company to upload to its IdP:
 * entity ID, the HTTP-POST Assertion Consumer Service, signing and encryption certificates, and
 * the NameID formats we accept. Entra's "Upload metadata file" reads entity ID and reply URL
 * from it.
 */
public final class SpMetadataWriter {

    private static final List<String> ENCRYPTION_METHODS = List.of(SamlNames.AES256_GCM, SamlNames.AES128_GCM,
            SamlNames.AES256_CBC, SamlNames.RSA_OAEP_11, SamlNames.RSA_OAEP_MGF1P);

    /** SAML V2.0 Metadata Extensions for Login and Discovery User Interface. */
    static final String MDUI = "urn:oasis:names:tc:SAML:metadata:ui";

    private SpMetadataWriter() {
    }

    /**
     * @param signingCertificates certificates our AuthnRequests are signed with (may be empty)
     * @param encryptionCertificates certificates the IdP should encrypt assertions to (may be empty)
     * @param nameIdFormats e.g. urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress; may be empty
     * @param sloUrl our SingleLogoutService (HTTP-Redirect), or null for none
     * @param displayName the service's name for people (SAML V2.0 Metadata Extensions for Login and Discovery User
     *     Interface, mdui:DisplayName), or null for none
     */
    public record Settings(String entityId, String acsUrl, List<X509Certificate> signingCertificates,
            List<X509Certificate> encryptionCertificates, List<String> nameIdFormats, String sloUrl,
            String displayName) {

        /** Without single logout and display name. */
        public Settings(String entityId, String acsUrl, List<X509Certificate> signingCertificates,
                List<X509Certificate> encryptionCertificates, List<String> nameIdFormats) {
            this(entityId, acsUrl, signingCertificates, encryptionCertificates, nameIdFormats, null, null);
        }

        public Settings {
            Objects.requireNonNull(entityId, "entityId");
            Objects.requireNonNull(acsUrl, "acsUrl");
            signingCertificates = List.copyOf(signingCertificates);
            encryptionCertificates = List.copyOf(encryptionCertificates);
            nameIdFormats = List.copyOf(nameIdFormats);
        }
    }

    public static String write(Settings s) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<md:EntityDescriptor xmlns:md=\"").append(SamlNames.METADATA).append("\" xmlns:ds=\"")
                .append(SamlNames.DSIG).append("\" entityID=\"").append(XmlText.escape(s.entityId())).append("\">\n")
                .append("  <md:SPSSODescriptor AuthnRequestsSigned=\"").append(!s.signingCertificates().isEmpty())
                .append("\" WantAssertionsSigned=\"true\" protocolSupportEnumeration=\"").append(SamlNames.PROTOCOL)
                .append("\">\n");
        if (s.displayName() != null && !s.displayName().isBlank()) {
            b.append("    <md:Extensions><mdui:UIInfo xmlns:mdui=\"").append(MDUI).append("\"><mdui:DisplayName xml:lang=\"en\">")
                    .append(XmlText.escape(s.displayName())).append("</mdui:DisplayName></mdui:UIInfo></md:Extensions>\n");
        }
        for (X509Certificate c : s.signingCertificates()) {
            keyDescriptor(b, "signing", c, List.of());
        }
        for (X509Certificate c : s.encryptionCertificates()) {
            keyDescriptor(b, "encryption", c, ENCRYPTION_METHODS);
        }
        if (s.sloUrl() != null) { // metadata §2.4.2: SingleLogoutService precedes NameIDFormat
            b.append("    <md:SingleLogoutService Binding=\"").append(SamlNames.BINDING_REDIRECT)
                    .append("\" Location=\"").append(XmlText.escape(s.sloUrl())).append("\"/>\n");
        }
        for (String format : s.nameIdFormats()) {
            b.append("    <md:NameIDFormat>").append(XmlText.escape(format)).append("</md:NameIDFormat>\n");
        }
        b.append("    <md:AssertionConsumerService Binding=\"").append(SamlNames.BINDING_POST).append("\" Location=\"")
                .append(XmlText.escape(s.acsUrl())).append("\" index=\"0\" isDefault=\"true\"/>\n")
                .append("  </md:SPSSODescriptor>\n</md:EntityDescriptor>\n");
        return b.toString();
    }

    private static void keyDescriptor(StringBuilder b, String use, X509Certificate cert, List<String> methods) {
        b.append("    <md:KeyDescriptor use=\"").append(use).append("\">\n")
                .append("      <ds:KeyInfo><ds:X509Data><ds:X509Certificate>").append(base64(cert))
                .append("</ds:X509Certificate></ds:X509Data></ds:KeyInfo>\n");
        for (String m : methods) {
            b.append("      <md:EncryptionMethod Algorithm=\"").append(m).append("\"/>\n");
        }
        b.append("    </md:KeyDescriptor>\n");
    }

    private static String base64(X509Certificate cert) {
        try {
            return Base64.getEncoder().encodeToString(cert.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }
}
