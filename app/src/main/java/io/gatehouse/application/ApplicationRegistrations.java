package io.gatehouse.application;

import io.gatehouse.application.ApplicationCredentialRepository.Kind;
import io.gatehouse.audit.DeploymentAuditLog;
import io.gatehouse.credentials.IssuedToken;
import io.gatehouse.credentials.TokenCodec;
import io.gatehouse.credentials.TokenKind;
import io.gatehouse.tenancy.CompanyId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator's changes to product applications, shared by the operator API and the support console: each change
 * and its entry in the deployment audit log commit together (the entry names a secret or key by its display prefix
 * only), and changes to one application are serialized by its row lock. A client secret or API key is returned
 * once, here, and only its SHA-256 is stored.
 */
@Service
public class ApplicationRegistrations {

    /** A rotation needs two: the new one and the old one until every node of the product uses the new one. */
    static final int MAX_ACTIVE_SECRETS = 2;
    static final int MAX_ACTIVE_KEYS = 10;
    static final int MAX_LABEL = 100;

    /** A new application and, for a confidential one, its first client secret (shown once; null for public). */
    public record Registered(ProductApplication application, IssuedToken clientSecret) {}

    private final ApplicationRepository applications;
    private final ApplicationCredentialRepository credentials;
    private final DeploymentAuditLog audit;
    private final Clock clock;

    ApplicationRegistrations(ApplicationRepository applications, ApplicationCredentialRepository credentials,
                             DeploymentAuditLog audit, Clock clock) {
        this.applications = applications;
        this.credentials = credentials;
        this.audit = audit;
        this.clock = clock;
    }

    /** @throws InvalidApplicationException for a bad client type, name, URI or company id (nothing is saved) */
    @Transactional
    public Registered register(String clientType, ApplicationChanges request, String actor) {
        ClientType type = ClientType.parse(clientType);
        ApplicationSettings settings = RegistrationRules.forNew(request);
        requireCompanies(settings.companyIds());
        Instant now = clock.instant();
        ProductApplication app = new ProductApplication(ApplicationId.random(),
                "gh_app_" + TokenCodec.randomIdentifier(), type, settings, now, now);
        applications.insert(app);
        record(app.id(), actor, "APPLICATION_CREATED", app.name() + " (" + app.clientId() + ", "
                + type.wireName() + ")");
        IssuedToken secret = type == ClientType.CONFIDENTIAL ? issue(app.id(), Kind.CLIENT_SECRET, null, actor) : null;
        return new Registered(applications.find(app.id()).orElseThrow(), secret);
    }

    /** @throws InvalidApplicationException for a bad value (nothing changes) */
    @Transactional
    public ProductApplication update(ApplicationId id, ApplicationChanges changes, String actor) {
        ProductApplication before = locked(id);
        ApplicationSettings after = RegistrationRules.apply(before.settings(), changes);
        Set<CompanyId> had = new HashSet<>(before.settings().companyIds());
        requireCompanies(after.companyIds().stream().filter(c -> !had.contains(c)).toList());
        applications.update(id, before.settings(), after, clock.instant());
        recordChanges(id, actor, before.settings(), after);
        return applications.find(id).orElseThrow();
    }

    @Transactional
    public void delete(ApplicationId id, String actor) {
        ProductApplication app = locked(id);
        applications.delete(id);
        record(id, actor, "APPLICATION_DELETED", app.name() + " (" + app.clientId() + ")");
    }

    /** Adds the company to the served list; false when it is served already (also when all companies are). */
    @Transactional
    public boolean addCompany(ApplicationId id, CompanyId company, String actor) {
        ProductApplication app = locked(id);
        requireCompanies(List.of(company));
        if (app.settings().servesAllCompanies() || !applications.addCompany(id, company, clock.instant())) {
            return false;
        }
        record(id, actor, "APPLICATION_COMPANY_ADDED", "company " + company);
        return true;
    }

    /** @throws UnknownApplicationException when the company is not on the list */
    @Transactional
    public void removeCompany(ApplicationId id, CompanyId company, String actor) {
        ProductApplication app = locked(id);
        if (app.settings().servesAllCompanies()) {
            throw new ApplicationConflictException("The application serves all companies; give it an explicit "
                    + "list of companies (companyIds) to leave one out.");
        }
        if (!applications.removeCompany(id, company)) {
            throw new UnknownApplicationException("Company " + company + " among the served companies");
        }
        record(id, actor, "APPLICATION_COMPANY_REMOVED", "company " + company);
    }

    /** A further client secret; the existing ones stay valid until revoked (zero-downtime rotation). */
    @Transactional
    public IssuedToken issueClientSecret(ApplicationId id, String actor) {
        ProductApplication app = locked(id);
        if (!app.confidential()) {
            throw new ApplicationConflictException("A public client has no client secret; it uses PKCE alone.");
        }
        if (credentials.countActive(id, Kind.CLIENT_SECRET) >= MAX_ACTIVE_SECRETS) {
            throw new ApplicationConflictException("The application has " + MAX_ACTIVE_SECRETS + " active client "
                    + "secrets; revoke the one no longer in use first.");
        }
        return issue(id, Kind.CLIENT_SECRET, null, actor);
    }

    @Transactional
    public Revocation revokeClientSecret(ApplicationId id, UUID secretId, String actor) {
        return revoke(id, Kind.CLIENT_SECRET, secretId, actor);
    }

    /** @param label the operator's note for the key (optional, up to 100 characters) */
    @Transactional
    public IssuedToken issueApiKey(ApplicationId id, String label, String actor) {
        locked(id);
        String note = label == null || label.isBlank() ? null : label.strip();
        if (note != null && note.length() > MAX_LABEL) {
            throw new InvalidApplicationException("label", "label may have at most " + MAX_LABEL + " characters.");
        }
        if (credentials.countActive(id, Kind.API_KEY) >= MAX_ACTIVE_KEYS) {
            throw new ApplicationConflictException("The application has " + MAX_ACTIVE_KEYS + " active API keys; "
                    + "revoke one first.");
        }
        return issue(id, Kind.API_KEY, note, actor);
    }

    @Transactional
    public Revocation revokeApiKey(ApplicationId id, UUID keyId, String actor) {
        return revoke(id, Kind.API_KEY, keyId, actor);
    }

    private IssuedToken issue(ApplicationId id, Kind kind, String label, String actor) {
        TokenCodec.Minted minted = TokenCodec.mint(kind == Kind.API_KEY ? TokenKind.APPLICATION_KEY
                : TokenKind.CLIENT_SECRET);
        UUID credentialId = UUID.randomUUID();
        credentials.insert(credentialId, id, kind, minted, label, clock.instant());
        record(id, actor, kind == Kind.API_KEY ? "API_KEY_ISSUED" : "CLIENT_SECRET_ISSUED",
                describe(minted.displayPrefix(), label, credentialId));
        return new IssuedToken(credentialId, minted.token(), minted.displayPrefix());
    }

    private Revocation revoke(ApplicationId id, Kind kind, UUID credentialId, String actor) {
        locked(id);
        ApplicationCredential found = credentials.list(id, kind).stream().filter(c -> c.id().equals(credentialId))
                .findFirst().orElse(null);
        if (found == null) {
            return Revocation.NOT_FOUND;
        }
        if (!credentials.revoke(id, kind, credentialId, clock.instant())) {
            return Revocation.ALREADY_REVOKED;
        }
        record(id, actor, kind == Kind.API_KEY ? "API_KEY_REVOKED" : "CLIENT_SECRET_REVOKED",
                describe(found.displayPrefix(), found.label(), credentialId));
        return Revocation.REVOKED;
    }

    private ProductApplication locked(ApplicationId id) {
        if (!applications.lock(id)) {
            throw new UnknownApplicationException("Application " + id);
        }
        return applications.find(id).orElseThrow();
    }

    private void requireCompanies(List<CompanyId> ids) {
        List<CompanyId> unknown = applications.unknownCompanies(ids);
        if (!unknown.isEmpty()) {
            throw new InvalidApplicationException("companyIds", "No such company: " + unknown.get(0) + ".");
        }
    }

    /** One entry for the settings, one for the served companies, one for enabling or disabling. */
    private void recordChanges(ApplicationId id, String actor, ApplicationSettings before, ApplicationSettings after) {
        List<String> changed = new ArrayList<>();
        if (!after.name().equals(before.name())) {
            changed.add("name: " + before.name() + " → " + after.name());
        }
        if (!after.redirectUris().equals(before.redirectUris())) {
            changed.add("redirect URIs: " + String.join(" ", after.redirectUris()));
        }
        if (!after.defaultRedirectUri().equals(before.defaultRedirectUri())) {
            changed.add("default redirect URI: " + after.defaultRedirectUri());
        }
        if (!after.postLogoutRedirectUris().equals(before.postLogoutRedirectUris())) {
            changed.add("post-logout redirect URIs: " + String.join(" ", after.postLogoutRedirectUris()));
        }
        if (!String.valueOf(after.backChannelLogoutUri()).equals(String.valueOf(before.backChannelLogoutUri()))) {
            changed.add("back-channel logout URI: " + (after.backChannelLogoutUri() == null ? "none"
                    : after.backChannelLogoutUri()));
        }
        if (!String.valueOf(after.initiateLoginUri()).equals(String.valueOf(before.initiateLoginUri()))) {
            changed.add("initiate login URI: " + (after.initiateLoginUri() == null ? "none"
                    : after.initiateLoginUri()));
        }
        if (!changed.isEmpty()) {
            record(id, actor, "APPLICATION_UPDATED", String.join("; ", changed));
        }
        if (after.servesAllCompanies() != before.servesAllCompanies()
                || !after.companyIds().equals(before.companyIds())) {
            record(id, actor, "APPLICATION_COMPANIES_CHANGED", after.servesAllCompanies() ? "serves all companies"
                    : "serves " + after.companyIds().size() + " listed companies: " + after.companyIds());
        }
        if (after.enabled() != before.enabled()) {
            record(id, actor, after.enabled() ? "APPLICATION_ENABLED" : "APPLICATION_DISABLED", after.name());
        }
    }

    private static String describe(String prefix, String label, UUID credentialId) {
        return prefix + "… " + (label == null ? "" : "\"" + label + "\" ") + "(" + credentialId + ")";
    }

    private void record(ApplicationId id, String actor, String action, String detail) {
        audit.record(DeploymentAuditLog.APPLICATION, id.toString(), actor, action, detail);
    }
}
