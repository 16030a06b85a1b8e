package io.gatehouse.saml;

import io.gatehouse.audit.AuditLog;
import io.gatehouse.saml.core.Certificates;
import io.gatehouse.saml.core.IdpMetadata;
import io.gatehouse.saml.core.IdpMetadataParser;
import io.gatehouse.saml.core.InvalidMetadataException;
import io.gatehouse.tenancy.CompanyId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Saving a company's IdP connection. Metadata is validated when it is saved (exactly one EntityDescriptor
 * with an IDPSSODescriptor, a signing certificate, an SSO URL), so a connection is either usable or comes
 * back with field errors, never broken at the first sign-in.
 */
@Service
public class SamlConnectionService {

    private static final Logger log = LoggerFactory.getLogger(SamlConnectionService.class);

    private final SamlConnectionRepository connections;
    private final MetadataFetcher fetcher;
    private final SpEndpoints endpoints;
    private final Clock clock;
    private final AuditLog audit;

    SamlConnectionService(SamlConnectionRepository connections, MetadataFetcher fetcher, SpEndpoints endpoints,
                          Clock clock, AuditLog audit) {
        this.audit = audit;
        this.connections = connections;
        this.fetcher = fetcher;
        this.endpoints = endpoints;
        this.clock = clock;
    }

    /**
     * Metadata uploaded as a file (Entra's "Federation Metadata XML"); {@code actor} is who did it, for the
     * audit log: a user's userName or {@link AuditLog#SUPPORT_TEAM}.
     */
    public ConnectionReport saveMetadata(CompanyId company, String actor, byte[] xml) {
        IdpMetadata metadata = parse(xml);
        save(company, idpSide(metadata, xml, null, null));
        audit.record(company, actor, "SSO_METADATA_UPLOADED", "IdP " + metadata.entityId());
        return report(company).orElseThrow();
    }

    /** Metadata fetched now from a URL, and refreshed on a schedule from then on. */
    public ConnectionReport saveMetadataUrl(CompanyId company, String actor, String url) {
        URI uri = fetcher.validate(url);
        byte[] xml;
        try {
            xml = fetcher.fetch(uri);
        } catch (MetadataFetcher.FetchException e) {
            throw InvalidConnectionException.of("metadataUrl", e.getMessage());
        }
        IdpMetadata metadata = parse(xml);
        save(company, idpSide(metadata, xml, uri.toString(), clock.instant()));
        audit.record(company, actor, "SSO_METADATA_URL_SET", "IdP " + metadata.entityId() + " from " + uri);
        return report(company).orElseThrow();
    }

    public Optional<ConnectionReport> updateOptions(CompanyId company, String actor, OptionsPatch patch) {
        Optional<SamlConnection> current = connections.find(company);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        ConnectionOptions before = current.get().options();
        ConnectionOptions after = OptionsChange.apply(before, patch);
        connections.updateOptions(company, after, clock.instant());
        audit.record(company, actor, "SSO_OPTIONS_CHANGED", optionsDiff(before, after));
        return report(company);
    }

    /** "allowSha1 false → true, jitEnabled true → false", or "no change". */
    static String optionsDiff(ConnectionOptions a, ConnectionOptions b) {
        List<String> changes = new java.util.ArrayList<>();
        diff(changes, "spEntityIdOverride", a.spEntityIdOverride(), b.spEntityIdOverride());
        diff(changes, "allowIdpInitiated", a.allowIdpInitiated(), b.allowIdpInitiated());
        diff(changes, "allowSha1", a.allowSha1(), b.allowSha1());
        diff(changes, "signAuthnRequests", a.signAuthnRequests(), b.signAuthnRequests());
        diff(changes, "linkBy", a.linkBy(), b.linkBy());
        diff(changes, "jitEnabled", a.jitEnabled(), b.jitEnabled());
        if (!java.util.Objects.equals(a.claims(), b.claims())) {
            changes.add("claim mapping changed");
        }
        return changes.isEmpty() ? "no change" : String.join(", ", changes);
    }

    private static void diff(List<String> changes, String name, Object before, Object after) {
        if (!java.util.Objects.equals(before, after)) {
            changes.add(name + " " + before + " → " + after);
        }
    }

    public Optional<ConnectionReport> report(CompanyId company) {
        return connections.find(company).map(this::report);
    }

    /**
     * Re-reads metadata from its URL so an IdP certificate rollover needs no action. A document that no
     * longer parses, or names another IdP, is not applied: the connection keeps working with what it had
     * and the error is shown to the operator.
     */
    void refresh(CompanyId company) {
        SamlConnection current = connections.find(company).orElse(null);
        if (current == null || current.metadataUrl() == null) {
            return;
        }
        try {
            byte[] xml = fetcher.fetch(fetcher.validate(current.metadataUrl()));
            IdpMetadata metadata = parse(xml);
            if (!metadata.entityId().equals(current.idpEntityId())) {
                throw InvalidConnectionException.of("EntityDescriptor@entityID", "the metadata now names "
                        + metadata.entityId() + " instead of " + current.idpEntityId() + "; save it again to accept");
            }
            connections.updateIdpSide(company, idpSide(metadata, xml, current.metadataUrl(), clock.instant()),
                    clock.instant());
        } catch (MetadataFetcher.FetchException | InvalidConnectionException e) {
            log.warn("SAML metadata refresh for company {} failed: {}", company, e.getMessage());
            connections.recordRefreshError(company, e.getMessage(), clock.instant());
        }
    }

    private void save(CompanyId company, SamlConnectionRepository.IdpSide idp) {
        Instant now = clock.instant();
        if (connections.updateIdpSide(company, idp, now)) {
            return;
        }
        try {
            connections.insert(company, idp, now);
        } catch (DuplicateKeyException concurrentFirstSave) {
            connections.updateIdpSide(company, idp, now);
        }
    }

    private IdpMetadata parse(byte[] xml) {
        if (xml != null && xml.length > MetadataFetcher.MAX_BYTES) {
            throw InvalidConnectionException.of("document", "metadata larger than " + MetadataFetcher.MAX_BYTES
                    + " bytes is not accepted");
        }
        try {
            return new IdpMetadataParser(clock).parse(xml);
        } catch (InvalidMetadataException e) {
            throw new InvalidConnectionException(e.errors().stream()
                    .map(f -> new InvalidConnectionException.FieldError(f.field(), f.message())).toList());
        }
    }

    private static SamlConnectionRepository.IdpSide idpSide(IdpMetadata m, byte[] xml, String url, Instant fetchedAt) {
        return new SamlConnectionRepository.IdpSide(m.entityId(), m.ssoUrl(), Pem.encodeAll(m.certificates()),
                text(xml), url, fetchedAt);
    }

    /** Stored as text for support to read; the byte-order mark Entra puts first is dropped. */
    private static String text(byte[] xml) {
        String s = new String(xml, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private ConnectionReport report(SamlConnection c) {
        List<IdpMetadata.Warning> warnings = List.of();
        boolean signed = false;
        try {
            // Re-parsed on read so certificate expiry warnings are relative to today, not to the upload.
            IdpMetadata m = new IdpMetadataParser(clock).parse(c.metadataXml().getBytes(StandardCharsets.UTF_8));
            warnings = m.warnings();
            signed = m.signed();
        } catch (InvalidMetadataException e) {
            log.warn("stored SAML metadata of company {} no longer parses: {}", c.company(), e.getMessage());
        }
        List<ConnectionReport.CertificateInfo> certs = c.certificates().stream()
                .map(x -> new ConnectionReport.CertificateInfo(x.getSubjectX500Principal().getName(),
                        x.getNotAfter().toInstant(), Certificates.sha256Fingerprint(x), Certificates.sha1Fingerprint(x)))
                .toList();
        return new ConnectionReport(c, certs, warnings, signed, endpoints.entityId(c.company(), c.options()),
                endpoints.acsUrl(c.company()), endpoints.metadataUrl(c.company()), endpoints.loginUrl(c.company()),
                endpoints.logoutUrl(c.company()));
    }
}
