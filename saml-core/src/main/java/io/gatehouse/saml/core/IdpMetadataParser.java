package io.gatehouse.saml.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads IdP metadata as customers upload it, Entra's federation metadata first: UTF-8 BOM,
 * a signed EntityDescriptor, WS-Fed RoleDescriptors before the IDPSSODescriptor, several signing
 * certificates, or an EntitiesDescriptor wrapping the one entity (SAML metadata §2.3-2.4).
 * Certificates are taken only from IDPSSODescriptor/KeyDescriptor[use="signing" or no use].
 */
public final class IdpMetadataParser {

    static final int MAX_METADATA_BYTES = 2 * 1024 * 1024;
    private static final Duration EXPIRY_WARNING = Duration.ofDays(60);
    private static final String SAML2_PROTOCOL = SamlNames.PROTOCOL;
    /** Entra's issuer for public, US Government and China clouds. */
    private static final Pattern ENTRA_ISSUER = Pattern.compile(
            "https://(sts\\.windows\\.net|login\\.microsoftonline\\.us|sts\\.chinacloudapi\\.cn)/[0-9a-fA-F-]{36}/");
    private static final String ENTRA_APP_CERT_CN = "CN=Microsoft Azure Federated SSO Certificate";

    private final Clock clock;

    public IdpMetadataParser(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public IdpMetadata parse(byte[] xml) throws InvalidMetadataException {
        Errors errors = new Errors();
        Document doc = parseDocument(xml, errors);
        Element entity = singleEntity(doc.getDocumentElement(), errors);
        String entityId = Dom.attr(entity, "entityID");
        if (entityId == null || entityId.isBlank() || entityId.length() > 1024) {
            errors.add("EntityDescriptor@entityID", "an entityID of 1 to 1024 characters is required");
        }
        Element idp = idpDescriptor(entity, errors);
        List<IdpMetadata.SigningCertificate> certs = signingCertificates(idp, errors);
        List<IdpMetadata.Endpoint> sso = ssoEndpoints(idp, errors);
        errors.throwIfAny();
        List<IdpMetadata.Warning> warnings = new ArrayList<>();
        boolean signed = MetadataSignature.check(doc, entity, certs.stream().map(c -> c.certificate()).toList(),
                warnings, errors);
        errors.throwIfAny();
        warnings.addAll(certificateWarnings(certs));
        if (isTenantWide(entityId, certs)) {
            warnings.add(new IdpMetadata.Warning(IdpMetadata.WarningCode.TENANT_WIDE_METADATA, "this is the Entra "
                    + "tenant-wide metadata; its keys do not sign your enterprise application's SAML responses. "
                    + "Download 'Federation Metadata XML' from the application's Single sign-on page (it carries "
                    + "?appid=) instead"));
        }
        IdpMetadata.Endpoint preferred = sso.get(0);
        return new IdpMetadata(entityId, preferred.location(), preferred.binding(), sso, certs, signed, warnings,
                sloUrl(idp));
    }

    private static Document parseDocument(byte[] xml, Errors errors) throws InvalidMetadataException {
        if (xml == null || xml.length == 0 || xml.length > MAX_METADATA_BYTES) {
            errors.add("document", "metadata must be between 1 byte and " + MAX_METADATA_BYTES + " bytes");
            errors.throwIfAny();
        }
        try {
            return SecureXml.parse(xml);
        } catch (SecureXml.ParseException e) {
            errors.add("document", e.doctype() ? "DOCTYPE declarations are not accepted"
                    : "not well-formed XML (" + e.getMessage() + ")");
            errors.throwIfAny();
            throw new IllegalStateException("unreachable");
        }
    }

    /** Exactly one EntityDescriptor, either the root or inside an EntitiesDescriptor. */
    private static Element singleEntity(Element root, Errors errors) throws InvalidMetadataException {
        List<Element> entities = new ArrayList<>();
        if (Dom.is(root, SamlNames.METADATA, "EntityDescriptor")) {
            entities.add(root);
        } else if (Dom.is(root, SamlNames.METADATA, "EntitiesDescriptor")) {
            collectEntities(root, entities);
        } else {
            errors.add("document", "root element must be md:EntityDescriptor or md:EntitiesDescriptor, found "
                    + Dom.describe(root));
        }
        if (entities.size() != 1 && errors.isEmpty()) {
            errors.add("EntityDescriptor", "exactly one EntityDescriptor is required, found " + entities.size()
                    + "; upload your IdP's own metadata rather than a federation aggregate");
        }
        errors.throwIfAny();
        return entities.get(0);
    }

    private static void collectEntities(Element group, List<Element> out) {
        for (Element child : Dom.elementChildren(group)) {
            if (Dom.is(child, SamlNames.METADATA, "EntityDescriptor")) {
                out.add(child);
            } else if (Dom.is(child, SamlNames.METADATA, "EntitiesDescriptor")) {
                collectEntities(child, out);
            }
        }
    }

    private static Element idpDescriptor(Element entity, Errors errors) throws InvalidMetadataException {
        for (Element d : Dom.children(entity, SamlNames.METADATA, "IDPSSODescriptor")) {
            String protocols = Dom.attr(d, "protocolSupportEnumeration");
            if (protocols != null && List.of(protocols.trim().split("\\s+")).contains(SAML2_PROTOCOL)) {
                return d;
            }
        }
        errors.add("IDPSSODescriptor", "no IDPSSODescriptor supporting " + SAML2_PROTOCOL
                + " (is this the metadata of an identity provider?)");
        errors.throwIfAny();
        throw new IllegalStateException("unreachable");
    }

    private static List<IdpMetadata.SigningCertificate> signingCertificates(Element idp, Errors errors) {
        List<IdpMetadata.SigningCertificate> out = new ArrayList<>();
        int errorsBefore = errors.size();
        var seen = new HashSet<String>();
        int index = 0;
        for (Element kd : Dom.children(idp, SamlNames.METADATA, "KeyDescriptor")) {
            index++;
            String use = Dom.attr(kd, "use");
            if (use != null && !"signing".equals(use)) {
                continue;
            }
            Element keyInfo = Dom.child(kd, SamlNames.DSIG, "KeyInfo");
            for (Element data : keyInfo == null ? List.<Element>of() : Dom.children(keyInfo, SamlNames.DSIG, "X509Data")) {
                for (Element c : Dom.children(data, SamlNames.DSIG, "X509Certificate")) {
                    try {
                        X509Certificate cert = Certificates.fromBase64(c.getTextContent());
                        if (seen.add(Certificates.sha256Fingerprint(cert))) {
                            out.add(describe(cert));
                        }
                    } catch (CertificateException e) {
                        errors.add("IDPSSODescriptor/KeyDescriptor[" + index + "]", "unreadable X509Certificate");
                    }
                }
            }
        }
        if (out.isEmpty() && errors.size() == errorsBefore) {
            errors.add("IDPSSODescriptor/KeyDescriptor", "no signing certificate (KeyDescriptor use=\"signing\")");
        }
        return out;
    }

    static IdpMetadata.SigningCertificate describe(X509Certificate cert) {
        return new IdpMetadata.SigningCertificate(cert, Certificates.subject(cert),
                cert.getNotAfter().toInstant(), Certificates.sha1Fingerprint(cert), Certificates.sha256Fingerprint(cert));
    }

    /** HTTP-Redirect first (what AuthnRequestBuilder produces), then HTTP-POST (SAML bindings §3.4, §3.5). */
    private static List<IdpMetadata.Endpoint> ssoEndpoints(Element idp, Errors errors) {
        List<IdpMetadata.Endpoint> redirect = new ArrayList<>();
        List<IdpMetadata.Endpoint> post = new ArrayList<>();
        int errorsBefore = errors.size();
        for (Element s : Dom.children(idp, SamlNames.METADATA, "SingleSignOnService")) {
            String binding = Dom.attr(s, "Binding");
            String location = Dom.attr(s, "Location");
            List<IdpMetadata.Endpoint> target = SamlNames.BINDING_REDIRECT.equals(binding) ? redirect
                    : SamlNames.BINDING_POST.equals(binding) ? post : null;
            if (target == null) {
                continue;
            }
            if (!isHttpUrl(location)) {
                errors.add("IDPSSODescriptor/SingleSignOnService", "Location is not an absolute http(s) URL: " + location);
                continue;
            }
            target.add(new IdpMetadata.Endpoint(binding, location));
        }
        redirect.addAll(post);
        if (redirect.isEmpty() && errors.size() == errorsBefore) {
            errors.add("IDPSSODescriptor/SingleSignOnService", "no HTTP-Redirect or HTTP-POST SingleSignOnService");
        }
        return redirect;
    }

    /** Single logout goes over HTTP-Redirect only (what LogoutMessages writes and LogoutValidator reads). */
    private static String sloUrl(Element idp) {
        for (Element s : Dom.children(idp, SamlNames.METADATA, "SingleLogoutService")) {
            if (SamlNames.BINDING_REDIRECT.equals(Dom.attr(s, "Binding")) && isHttpUrl(Dom.attr(s, "Location"))) {
                return Dom.attr(s, "Location");
            }
        }
        return null;
    }

    private static boolean isHttpUrl(String location) {
        try {
            URI uri = new URI(location);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException | NullPointerException e) {
            return false;
        }
    }

    private List<IdpMetadata.Warning> certificateWarnings(List<IdpMetadata.SigningCertificate> certs) {
        Instant now = clock.instant();
        List<IdpMetadata.Warning> out = new ArrayList<>();
        for (IdpMetadata.SigningCertificate c : certs) {
            if (!c.notAfter().isAfter(now)) {
                out.add(new IdpMetadata.Warning(IdpMetadata.WarningCode.CERT_EXPIRED,
                        "signing certificate " + c.sha1Fingerprint() + " (" + c.subject() + ") expired " + c.notAfter()));
            } else if (c.notAfter().isBefore(now.plus(EXPIRY_WARNING))) {
                out.add(new IdpMetadata.Warning(IdpMetadata.WarningCode.CERT_EXPIRES_SOON,
                        "signing certificate " + c.sha1Fingerprint() + " (" + c.subject() + ") expires " + c.notAfter()
                                + "; add the IdP's next certificate before then"));
            }
        }
        return out;
    }

    /**
     * Entra serves the same document shape tenant-wide and per app; only the per-app file (with
     * ?appid=) lists the app's own "Microsoft Azure Federated SSO Certificate".
     */
    private static boolean isTenantWide(String entityId, List<IdpMetadata.SigningCertificate> certs) {
        return ENTRA_ISSUER.matcher(entityId).matches()
                && certs.stream().noneMatch(c -> c.subject().contains(ENTRA_APP_CERT_CN));
    }

    /** Collects field errors so an admin sees all of them at once where they are independent. */
    static final class Errors {
        private final List<InvalidMetadataException.FieldError> list = new ArrayList<>();

        void add(String field, String message) {
            list.add(new InvalidMetadataException.FieldError(field, message));
        }

        boolean isEmpty() {
            return list.isEmpty();
        }

        int size() {
            return list.size();
        }

        void throwIfAny() throws InvalidMetadataException {
            if (!list.isEmpty()) {
                throw new InvalidMetadataException(list);
            }
        }
    }
}
