package io.gatehouse.application;

import io.gatehouse.application.ApplicationCredentialRepository.Kind;
import io.gatehouse.credentials.TokenCodec;
import io.gatehouse.credentials.TokenKind;
import io.gatehouse.tenancy.Company;
import io.gatehouse.tenancy.CompanyId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The registrations of product applications, as the rest of Gatehouse reads them: the OpenID Provider
 * ({@link #findByClientId}, {@link #verifySecret}), webhooks and back-channel logout ({@link #applicationsServing}),
 * and the product API ({@link #authenticateKey}, {@link #servedCompany}, {@link #serves}). Nothing is cached:
 * a change, a revocation or a disabled application counts with the next call on every node. Changes go through
 * {@link ApplicationRegistrations}.
 */
@Service
public class ProductApplications {

    private final ApplicationRepository applications;
    private final ApplicationCredentialRepository credentials;
    private final Clock clock;

    ProductApplications(ApplicationRepository applications, ApplicationCredentialRepository credentials, Clock clock) {
        this.applications = applications;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** The registration with this public client id, enabled or not (callers refuse a disabled one). */
    public Optional<ProductApplication> findByClientId(String clientId) {
        if (clientId == null || clientId.length() > 64) {
            return Optional.empty();
        }
        return applications.findByClientId(clientId);
    }

    public Optional<ProductApplication> find(ApplicationId id) {
        return applications.find(id);
    }

    /** Every application, by name. */
    public List<ProductApplication> list() {
        return applications.list();
    }

    /**
     * Whether {@code presented} is an active client secret of the enabled application {@code clientId}. Any of its
     * active secrets passes (two during a rotation); the hash is compared in constant time. Never throws for bad
     * input: an unknown client, a public client, a malformed or revoked secret are all simply false.
     */
    public boolean verifySecret(String clientId, String presented) {
        Optional<TokenCodec.Parsed> parsed = TokenCodec.parse(TokenKind.CLIENT_SECRET, presented);
        if (parsed.isEmpty() || clientId == null) {
            return false;
        }
        return credentials.findActiveSecret(clientId, parsed.get().lookupId())
                .filter(row -> TokenCodec.sameHash(row.secretHash(), parsed.get().hash()))
                .map(row -> {
                    touch(row.id(), row.lastUsedAt());
                    return true;
                })
                .orElse(false);
    }

    /** The application an API key ({@code gh_key_…}) belongs to, if the key is genuine, active and its application enabled. */
    public Optional<ApplicationPrincipal> authenticateKey(String bearer) {
        Optional<TokenCodec.Parsed> parsed = TokenCodec.parse(TokenKind.APPLICATION_KEY, bearer);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        return credentials.findActiveKey(parsed.get().lookupId())
                .filter(row -> TokenCodec.sameHash(row.secretHash(), parsed.get().hash()))
                .map(row -> {
                    touch(row.id(), row.lastUsedAt());
                    return row.principal();
                });
    }

    /** Whether the application serves the (existing) company, enabled or not. */
    public boolean serves(ApplicationId application, CompanyId company) {
        return applications.serves(application, company);
    }

    /** The enabled applications that serve the company: where its events and back-channel logouts go. */
    public List<ProductApplication> applicationsServing(CompanyId company) {
        return applications.serving(company);
    }

    /** The company, if the calling application serves it; otherwise empty, as for a company that does not exist. */
    public Optional<Company> servedCompany(ApplicationPrincipal caller, CompanyId company) {
        return applications.servedCompany(caller.applicationId(), caller.servesAllCompanies(), company);
    }

    /**
     * Up to {@code limit} companies the calling application serves, in creation order (created at, then id),
     * starting after the given position, or from the start when {@code afterCreatedAt} is null.
     */
    public List<Company> servedCompanies(ApplicationPrincipal caller, Instant afterCreatedAt, UUID afterId, int limit) {
        return applications.servedCompanies(caller.applicationId(), caller.servesAllCompanies(), afterCreatedAt,
                afterId, limit);
    }

    public List<ApplicationCredential> clientSecrets(ApplicationId application) {
        return credentials.list(application, Kind.CLIENT_SECRET);
    }

    public List<ApplicationCredential> apiKeys(ApplicationId application) {
        return credentials.list(application, Kind.API_KEY);
    }

    private void touch(UUID credential, Instant lastUsedAt) {
        Instant now = clock.instant();
        if (lastUsedAt == null || lastUsedAt.isBefore(now.minusSeconds(60))) {
            credentials.touch(credential, now);
        }
    }
}
