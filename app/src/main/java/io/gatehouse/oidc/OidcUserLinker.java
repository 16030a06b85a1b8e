package io.gatehouse.oidc;

import io.gatehouse.directory.UserRecord;
import io.gatehouse.directory.UserRepository;
import io.gatehouse.saml.LinkBy;
import io.gatehouse.tenancy.CompanyId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Matches a verified ID token to a user the company provisioned, as SAML does (saml.UserLinker): by Entra's
 * object id ({@code oid}) against externalId, which is what Entra's SCIM provisioning sends as externalId,
 * or by {@code preferred_username} (else {@code email}) against userName. Never creates a user: SCIM is how
 * users come into existence.
 */
@Component
class OidcUserLinker {

    /** The user, or why not and with which key. */
    record Link(UserRecord user, OidcRefusal refusal, String detail) {}

    private final UserRepository users;
    private final JdbcClient jdbc;

    OidcUserLinker(UserRepository users, JdbcClient jdbc) {
        this.users = users;
        this.jdbc = jdbc;
    }

    Link link(CompanyId company, LinkBy linkBy, IdTokenValidator.Verified token) {
        boolean byExternalId = linkBy == LinkBy.EXTERNAL_ID;
        String key = byExternalId ? token.objectId()
                : token.preferredUsername() != null ? token.preferredUsername() : token.email();
        String how = byExternalId ? "externalId = oid" : "userName = preferred_username";
        if (key == null) {
            return new Link(null, OidcRefusal.LINK_CLAIM_MISSING, "the ID token has no "
                    + (byExternalId ? "oid" : "preferred_username or email") + " claim");
        }
        Optional<UserRecord> found;
        if (byExternalId) {
            List<UUID> ids = jdbc.sql("SELECT id FROM app_user WHERE company_id = ? AND external_id = ? LIMIT 2")
                    .params(company.value(), key).query((rs, n) -> rs.getObject(1, UUID.class)).list();
            found = ids.size() == 1 ? users.find(company, ids.get(0)) : Optional.empty();
        } else {
            found = users.findByUserName(company, key);
        }
        if (found.isEmpty()) {
            return new Link(null, OidcRefusal.USER_UNKNOWN, "no single user with " + how + " \"" + key + "\"");
        }
        if (!found.get().active()) {
            return new Link(null, OidcRefusal.USER_DEACTIVATED, "user " + found.get().id() + " is deactivated");
        }
        return new Link(found.get(), null, "linked by " + how);
    }
}
