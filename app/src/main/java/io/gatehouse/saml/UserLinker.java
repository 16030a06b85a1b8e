package io.gatehouse.saml;

import io.gatehouse.directory.DirectoryLock;
import io.gatehouse.directory.Source;
import io.gatehouse.directory.UserRecord;
import io.gatehouse.directory.UserRepository;
import io.gatehouse.saml.core.SamlValidationResult;
import io.gatehouse.scim.core.resource.UserResources;
import io.gatehouse.tenancy.CompanyId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Matches a verified SAML subject to a user the company provisioned. Sign-in never creates or changes a
 * user except by the optional just-in-time creation, which the directory lock forbids while SCIM
 * provisioning manages the company's users.
 */
@Component
class UserLinker {

    /** The user signed in, or why not, with the key that was looked up (for the log). */
    record Link(UserRecord user, RefusalCode refusal, String detail) {
        static Link of(UserRecord user, String detail) {
            return new Link(user, null, detail);
        }

        static Link refused(RefusalCode code, String detail) {
            return new Link(null, code, detail);
        }
    }

    private final UserRepository users;
    private final JdbcClient jdbc;
    private final DirectoryLock lock;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final Clock clock;

    UserLinker(UserRepository users, JdbcClient jdbc, DirectoryLock lock, JsonMapper json, TransactionTemplate tx,
               Clock clock) {
        this.users = users;
        this.jdbc = jdbc;
        this.lock = lock;
        this.json = json;
        this.tx = tx;
        this.clock = clock;
    }

    Link link(CompanyId company, ConnectionOptions options, SamlValidationResult.Success subject) {
        ClaimMapping claims = options.claims();
        boolean byExternalId = options.linkBy() == LinkBy.EXTERNAL_ID;
        String claim = byExternalId ? claims.externalId() : claims.userName();
        String key = claim == null ? subject.nameId() : first(subject, claim);
        if (key == null || key.isBlank()) {
            return Link.refused(RefusalCode.LINK_CLAIM_MISSING, "the assertion has no " + claim + " attribute, "
                    + "which this connection links users by");
        }
        String how = byExternalId ? "externalId = " + claim : "userName = " + (claim == null ? "NameID" : claim);
        Optional<UserRecord> found;
        if (byExternalId) {
            List<UUID> ids = idsByExternalId(company, key);
            if (ids.size() > 1) {
                return Link.refused(RefusalCode.LINK_AMBIGUOUS, "several users have externalId " + key);
            }
            found = ids.isEmpty() ? Optional.empty() : users.find(company, ids.get(0));
        } else {
            found = users.findByUserName(company, key);
        }
        if (found.isPresent()) {
            return found.get().active() ? Link.of(found.get(), "linked by " + how)
                    : Link.refused(RefusalCode.USER_DEACTIVATED, "user " + found.get().id() + " is deactivated");
        }
        if (!options.jitEnabled()) {
            return Link.refused(RefusalCode.USER_UNKNOWN, "no user with " + how + " \"" + key + "\"");
        }
        if (lock.managedByIdentityProvider(company)) {
            return Link.refused(RefusalCode.USER_UNKNOWN, "no user with " + how + " \"" + key + "\"; just-in-time "
                    + "creation is off while SCIM provisioning manages this company's users");
        }
        return createJustInTime(company, claims, subject, byExternalId ? subject.nameId() : key);
    }

    /** Not in UserRepository (another feature's class); move it there when that class is next changed. */
    private List<UUID> idsByExternalId(CompanyId company, String externalId) {
        return jdbc.sql("SELECT id FROM app_user WHERE company_id = ? AND external_id = ? LIMIT 2")
                .params(company.value(), externalId)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .list();
    }

    private Link createJustInTime(CompanyId company, ClaimMapping claims, SamlValidationResult.Success s,
                                  String userName) {
        ObjectNode body = json.createObjectNode();
        body.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        body.put("userName", userName);
        body.put("active", true);
        putIfPresent(body, "externalId", first(s, claims.externalId()));
        putIfPresent(body, "displayName", first(s, claims.displayName()));
        ObjectNode name = json.createObjectNode();
        putIfPresent(name, "givenName", first(s, claims.givenName()));
        putIfPresent(name, "familyName", first(s, claims.familyName()));
        if (!name.isEmpty()) {
            body.set("name", name);
        }
        String email = first(s, claims.email());
        if (email != null) {
            body.putArray("emails").addObject().put("value", email).put("type", "work").put("primary", true);
        }
        Instant now = clock.instant();
        try {
            UserRecord user = new UserRecord(UUID.randomUUID(), company, UserResources.normalize(body), Source.LOCAL,
                    1, now, now);
            tx.executeWithoutResult(status -> users.insert(user));
            return Link.of(user, "created just in time with userName \"" + userName + "\"");
        } catch (DuplicateKeyException e) {
            return Link.refused(RefusalCode.JIT_FAILED, "userName \"" + userName + "\" already belongs to another "
                    + "user, whose externalId does not match");
        } catch (RuntimeException e) {
            return Link.refused(RefusalCode.JIT_FAILED, "the assertion's values do not make a valid user: "
                    + e.getMessage());
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }

    private static String first(SamlValidationResult.Success s, String attribute) {
        List<String> values = attribute == null ? null : s.attributes().get(attribute);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
