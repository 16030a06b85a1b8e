package io.gatehouse.directory;

import io.gatehouse.credentials.TokenService;
import io.gatehouse.tenancy.Company;
import io.gatehouse.tenancy.CompanyId;
import io.gatehouse.tenancy.CompanyRepository;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether a company's users and groups are managed by its identity provider.
 * Rule: provisioning is on when the company has at least one unrevoked SCIM token and the operator has
 * not switched provisioning off. While it is on, only SCIM may create, edit or delete users and groups;
 * every other path (console, operator API, just-in-time sign-in) must call {@link #requireLocallyManaged}.
 */
@Component
public class DirectoryLock {

    public static final String MANAGED_MESSAGE = "Users and user groups are managed in Microsoft Entra ID "
            + "(your identity provider) while SCIM provisioning is on. Make this change there; it reaches "
            + "this directory with the next provisioning cycle.";

    private final CompanyRepository companies;
    private final TokenService tokens;

    DirectoryLock(CompanyRepository companies, TokenService tokens) {
        this.companies = companies;
        this.tokens = tokens;
    }

    public boolean managedByIdentityProvider(CompanyId companyId) {
        return companies.find(companyId)
                .map(company -> managedByIdentityProvider(company))
                .orElse(false);
    }

    public boolean managedByIdentityProvider(Company company) {
        return company.provisioningEnabled() && tokens.hasActiveScimToken(company.id());
    }

    /** Throws when a local (non-SCIM) change to users or groups is not allowed. */
    public void requireLocallyManaged(CompanyId companyId) {
        if (managedByIdentityProvider(companyId)) {
            throw new DirectoryManagedException(MANAGED_MESSAGE);
        }
    }

    /** A local change refused because the identity provider manages the directory. */
    public static class DirectoryManagedException extends RuntimeException {
        public DirectoryManagedException(String message) {
            super(message);
        }
    }
}
