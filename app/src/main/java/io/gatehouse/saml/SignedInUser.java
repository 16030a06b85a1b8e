package io.gatehouse.saml;

import io.gatehouse.tenancy.CompanyId;
import java.util.Optional;
import java.util.UUID;

/**
 * Who a browser session belongs to. Its principal name "<companyId>:<userId>" is what Spring Session
 * indexes (spring_session.principal_name), so all of a user's sessions can be found and ended.
 */
public record SignedInUser(CompanyId company, UUID userId) {

    public String principalName() {
        return principalName(company, userId);
    }

    public static String principalName(CompanyId company, UUID userId) {
        return company + ":" + userId;
    }

    public static Optional<SignedInUser> parse(String principalName) {
        int colon = principalName == null ? -1 : principalName.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        try {
            return CompanyId.parse(principalName.substring(0, colon))
                    .map(c -> new SignedInUser(c, UUID.fromString(principalName.substring(colon + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
