package io.gatehouse.operator;

import io.gatehouse.audit.AuditLog;
import io.gatehouse.credentials.IssuedToken;
import io.gatehouse.credentials.TokenService;
import io.gatehouse.directory.DirectoryLock;
import io.gatehouse.events.EventOutbox;
import io.gatehouse.events.EventType;
import io.gatehouse.saml.EmailDomains;
import io.gatehouse.tenancy.Company;
import io.gatehouse.tenancy.CompanyId;
import io.gatehouse.tenancy.CompanyService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The support team's changes to a company, shared by the operator API and the support console so that both
 * change the same things in the same way: each change and its audit entry commit together, and the audit entry
 * never holds a secret (a token appears by its display prefix only).
 */
@Service
public class CompanyOperations {

    private final CompanyService companies;
    private final TokenService tokens;
    private final EmailDomains emailDomains;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final DirectoryLock lock;
    private final EventOutbox events;

    CompanyOperations(CompanyService companies, TokenService tokens, EmailDomains emailDomains, AuditLog audit,
                      TransactionTemplate tx, DirectoryLock lock, EventOutbox events) {
        this.lock = lock;
        this.events = events;
        this.companies = companies;
        this.tokens = tokens;
        this.emailDomains = emailDomains;
        this.audit = audit;
        this.tx = tx;
    }

    /**
     * Applies the given changes (null = unchanged) and audits a plan change and a provisioning switch.
     *
     * @throws IllegalArgumentException for a blank name or an unknown plan
     */
    public Optional<Company> update(Company before, String actor, String name, String plan, Boolean provisioning) {
        return Optional.ofNullable(tx.execute(status -> lockChange(before.id(), "provisioning_switched", () -> {
            Optional<Company> after = companies.update(before.id(), name, plan, provisioning);
            after.ifPresent(a -> {
                if (!a.plan().equals(before.plan())) {
                    audit.record(a.id(), actor, "PLAN_CHANGED", before.plan() + " → " + a.plan());
                }
                if (a.provisioningEnabled() != before.provisioningEnabled()) {
                    audit.record(a.id(), actor, "PROVISIONING_SWITCHED",
                            a.provisioningEnabled() ? "provisioning switched on" : "provisioning switched off");
                }
            });
            return after.orElse(null);
        })));
    }

    /** A new SCIM token for the company; the returned token is the only copy there will ever be. */
    public IssuedToken issueScimToken(CompanyId company, String actor) {
        return tx.execute(status -> lockChange(company, "scim_token_issued", () -> {
            IssuedToken t = tokens.issueScimToken(company);
            audit.record(company, actor, "SCIM_TOKEN_ISSUED", "token " + t.displayPrefix() + "… (" + t.id() + ")");
            return t;
        }));
    }

    /** What a revocation found: the token was active and is now revoked, was revoked already, or is unknown. */
    public enum Revocation { REVOKED, ALREADY_REVOKED, NOT_FOUND }

    public Revocation revokeScimToken(CompanyId company, String actor, UUID tokenId) {
        return tx.execute(status -> lockChange(company, "scim_token_revoked", () -> {
            String prefix = tokens.scimTokens(company).stream().filter(t -> t.id().equals(tokenId)).findFirst()
                    .map(t -> t.displayPrefix() + "… ").orElse("");
            if (tokens.revoke(company, tokenId)) {
                audit.record(company, actor, "SCIM_TOKEN_REVOKED", "token " + prefix + "(" + tokenId + ")");
                return Revocation.REVOKED;
            }
            return tokens.scimTokenExists(company, tokenId) ? Revocation.ALREADY_REVOKED : Revocation.NOT_FOUND;
        }));
    }

    /**
     * Runs {@code change} (in the caller's transaction) and records {@code company.directory_locked} or
     * {@code company.directory_unlocked} when it flipped what {@link DirectoryLock} decides: the first SCIM token,
     * the last one revoked, or the provisioning switch.
     */
    private <T> T lockChange(CompanyId company, String cause, Supplier<T> change) {
        boolean before = lock.managedByIdentityProvider(company);
        T result = change.get();
        boolean after = lock.managedByIdentityProvider(company);
        if (before != after) {
            var data = events.data();
            data.put("locked", after);
            data.put("cause", cause);
            events.record(company, after ? EventType.COMPANY_DIRECTORY_LOCKED : EventType.COMPANY_DIRECTORY_UNLOCKED,
                    data);
        }
        return result;
    }

    /**
     * Replaces the company's email domains (they route work emails to its sign-in) and audits the change.
     *
     * @throws IllegalArgumentException for a domain that is not one
     * @throws EmailDomains.DomainTakenException when another company has one of them
     */
    public List<String> replaceEmailDomains(CompanyId company, String actor, List<String> domains) {
        return tx.execute(status -> {
            List<String> before = emailDomains.list(company);
            List<String> after = emailDomains.replace(company, domains);
            if (!after.equals(before)) {
                audit.record(company, actor, "EMAIL_DOMAINS_CHANGED", String.join(", ", before) + " → "
                        + String.join(", ", after));
            }
            return after;
        });
    }

    public List<String> addEmailDomain(CompanyId company, String actor, String domain) {
        List<String> domains = new ArrayList<>(emailDomains.list(company));
        domains.add(domain == null ? "" : domain);
        return replaceEmailDomains(company, actor, domains);
    }

    public List<String> removeEmailDomain(CompanyId company, String actor, String domain) {
        String gone = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
        gone = gone.startsWith("@") ? gone.substring(1) : gone;
        List<String> domains = new ArrayList<>(emailDomains.list(company));
        domains.remove(gone);
        return replaceEmailDomains(company, actor, domains);
    }
}
