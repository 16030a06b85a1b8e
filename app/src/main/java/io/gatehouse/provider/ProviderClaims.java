package io.gatehouse.provider;

import io.gatehouse.access.AccessPolicy;
import io.gatehouse.access.Permission;
import io.gatehouse.directory.GroupRef;
import io.gatehouse.directory.GroupRepository;
import io.gatehouse.directory.UserRecord;
import io.gatehouse.directory.UserRepository;
import io.gatehouse.saml.SignInMethod;
import io.gatehouse.saml.SignedInUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.stereotype.Component;

/**
 * The claims about a signed-in company user, the same in the ID token and at userinfo (docs/integration.md, "OpenID
 * Connect for the product", claim table). Read fresh from the directory on every token and userinfo request.
 *
 * <p>Always: {@code sub} (the Gatehouse user id, stable), {@code org_id}, {@code idp} ({@code saml},
 * {@code microsoft} or {@code local}), {@code permissions} (company-wide, access.AccessPolicy). Scope
 * {@code profile}: {@code name}, {@code preferred_username}. Scope {@code email}: {@code email}. Scope
 * {@code groups}: {@code groups}, at most {@link #MAX_GROUPS} of them by name as {@code {"id", "name"}} objects, and
 * {@code groups_truncated: true} when the user has more (the product API lists them all).
 */
@Component
class ProviderClaims {

    static final int MAX_GROUPS = 100;

    /** Who a stored authorization's principal is, and how they signed in. */
    record Subject(SignedInUser user, String idp) {}

    private final UserRepository users;
    private final GroupRepository groups;
    private final AccessPolicy access;

    ProviderClaims(UserRepository users, GroupRepository groups, AccessPolicy access) {
        this.users = users;
        this.groups = groups;
        this.access = access;
    }

    static Optional<Subject> subject(Authentication principal) {
        if (principal == null) {
            return Optional.empty();
        }
        return SignedInUser.parse(principal.getName()).map(user -> new Subject(user,
                SignInMethod.of(principal.getAuthorities()).map(SignInMethod::claim).orElse(null)));
    }

    /** The claims for these scopes; empty when the user no longer exists or is deactivated. */
    Optional<Map<String, Object>> claims(Subject subject, Set<String> scopes) {
        Optional<UserRecord> found = users.find(subject.user().company(), subject.user().userId())
                .filter(UserRecord::active);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        UserRecord user = found.get();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", user.id().toString());
        claims.put("org_id", user.company().toString());
        if (subject.idp() != null) {
            claims.put("idp", subject.idp());
        }
        // Mutable JDK collections only: the ID token's claims are stored with the authorization (JSON with type
        // information), whose reader accepts ArrayList and LinkedHashMap but not List.of or Map.of.
        claims.put("permissions", access.permissionsOf(user.company(), user.id()).stream().sorted()
                .map(Permission::name).collect(Collectors.toCollection(ArrayList::new)));
        if (scopes.contains(OidcScopes.PROFILE)) {
            claims.put("name", user.displayName());
            claims.put("preferred_username", user.userName());
        }
        if (scopes.contains(OidcScopes.EMAIL) && user.primaryEmail() != null) {
            claims.put("email", user.primaryEmail());
        }
        if (scopes.contains(ApplicationClients.GROUPS_SCOPE)) {
            List<GroupRef> all = groups.groupsOf(user.company(), List.of(user.id()));
            List<Map<String, String>> listed = new ArrayList<>();
            for (GroupRef g : all.subList(0, Math.min(all.size(), MAX_GROUPS))) {
                Map<String, String> group = new LinkedHashMap<>();
                group.put("id", g.groupId().toString());
                group.put("name", g.display());
                listed.add(group);
            }
            claims.put("groups", listed);
            if (all.size() > MAX_GROUPS) {
                claims.put("groups_truncated", true);
            }
        }
        return Optional.of(claims);
    }
}
