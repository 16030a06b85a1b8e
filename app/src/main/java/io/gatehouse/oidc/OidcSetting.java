package io.gatehouse.oidc;

import io.gatehouse.saml.LinkBy;
import io.gatehouse.tenancy.CompanyId;
import java.time.Instant;

/**
 * A company's "Sign in with Microsoft" method.
 *
 * @param tenantId the Entra tenant an administrator approved (admin consent), or null
 */
public record OidcSetting(CompanyId company, boolean enabled, LinkBy linkBy, String tenantId, String approvedBy,
                          Instant approvedAt) {

    static OidcSetting off(CompanyId company) {
        return new OidcSetting(company, false, LinkBy.EXTERNAL_ID, null, null, null);
    }

    public boolean approved() {
        return tenantId != null;
    }

    /** The method is offered but nobody has approved it for the organization yet: the admin's banner. */
    public boolean awaitingApproval() {
        return enabled && !approved();
    }
}
