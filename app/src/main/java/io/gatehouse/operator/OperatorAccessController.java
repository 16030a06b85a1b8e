package io.gatehouse.operator;

import io.gatehouse.access.AccessPolicy;
import io.gatehouse.access.Actor;
import io.gatehouse.access.AdminCoverage;
import io.gatehouse.access.AdminEntry;
import io.gatehouse.access.CompanyAdmins;
import io.gatehouse.access.CompanyRoles;
import io.gatehouse.access.Grantable;
import io.gatehouse.access.Grantee;
import io.gatehouse.access.GrantRecord;
import io.gatehouse.access.Permission;
import io.gatehouse.directory.UserRepository;
import io.gatehouse.tenancy.Company;
import io.gatehouse.tenancy.CompanyId;
import io.gatehouse.tenancy.CompanyService;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The support team's side of the access model: break-glass administrators and company roles.
 *
 * <pre>
 * POST   /companies/{id}/admins {email, displayName}   → 201 {userId, userName, created, setupLink, expiresAt}
 * GET    /companies/{id}/admins                         → {admins: [...], coverage: {...}}
 * DELETE /companies/{id}/admins/{userId}                → 204 (retires a break-glass administrator)
 * GET    /companies/{id}/roles                          → every company-wide grant
 * PUT    /companies/{id}/roles/{users|groups}/{granteeId}/{grant}   → 204 (grant: administrator, manage_users, …)
 * DELETE /companies/{id}/roles/{users|groups}/{granteeId}/{grant}   → 204
 * GET    /companies/{id}/users/{userId}/permissions     → {userId, permissions} (effective: direct + groups)
 * </pre>
 * Ids of another company are 404, like every other operator resource.
 */
@RestController
@RequestMapping("/operator/v1/companies/{id}")
class OperatorAccessController {

    record CreateAdmin(String email, String displayName) {}

    private final CompanyService companies;
    private final CompanyAdmins admins;
    private final CompanyRoles roles;
    private final AdminCoverage coverage;
    private final AccessPolicy policy;
    private final UserRepository users;

    OperatorAccessController(CompanyService companies, CompanyAdmins admins, CompanyRoles roles,
                             AdminCoverage coverage, AccessPolicy policy, UserRepository users) {
        this.companies = companies;
        this.admins = admins;
        this.roles = roles;
        this.coverage = coverage;
        this.policy = policy;
        this.users = users;
    }

    @PostMapping("/admins")
    ResponseEntity<Map<String, Object>> createAdmin(@PathVariable String id,
                                                    @RequestBody(required = false) CreateAdmin body) {
        Company company = company(id);
        if (body == null) {
            throw OperatorException.invalid("A JSON body {\"email\": …, \"displayName\": …} is required.");
        }
        CompanyAdmins.AdminSetup setup = admins.createOrReuse(company.id(), body.email(), body.displayName());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("userId", setup.userId().toString());
        out.put("userName", setup.userName());
        out.put("created", setup.created());
        out.put("setupLink", setup.link().url());
        out.put("expiresAt", setup.link().expiresAt().toString());
        out.put("note", "Shown once; send it to the administrator. It works once, until expiresAt, and replaces "
                + "any earlier link for this account.");
        return ResponseEntity.created(URI.create("/operator/v1/companies/" + id + "/admins/" + setup.userId()))
                .body(out);
    }

    @GetMapping("/admins")
    Map<String, Object> listAdmins(@PathVariable String id) {
        Company company = company(id);
        AdminCoverage.Coverage c = coverage.check(company.id());
        Map<String, Object> cov = new LinkedHashMap<>();
        cov.put("localAdmins", c.localAdmins());
        cov.put("provisionedAdmins", c.provisionedAdmins());
        cov.put("directoryManagedByIdentityProvider", c.managedByIdentityProvider());
        cov.put("warning", c.warning());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("admins", admins.list(company.id()).stream().map(OperatorAccessController::adminView).toList());
        out.put("coverage", cov);
        return out;
    }

    @DeleteMapping("/admins/{userId}")
    ResponseEntity<Void> retireAdmin(@PathVariable String id, @PathVariable String userId) {
        Company company = company(id);
        if (!admins.retire(company.id(), uuid(userId, "User"))) {
            throw OperatorException.notFound("Break-glass administrator " + userId);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/roles")
    List<Map<String, Object>> listGrants(@PathVariable String id) {
        Company company = company(id);
        return roles.grants(company.id(), Actor.OPERATOR).stream().map(OperatorAccessController::grantView).toList();
    }

    @PutMapping("/roles/{kind}/{granteeId}/{grant}")
    ResponseEntity<Void> grant(@PathVariable String id, @PathVariable String kind, @PathVariable String granteeId,
                               @PathVariable String grant) {
        Company company = company(id);
        roles.grant(company.id(), Actor.OPERATOR, grantee(kind, granteeId), grantable(grant));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/roles/{kind}/{granteeId}/{grant}")
    ResponseEntity<Void> revoke(@PathVariable String id, @PathVariable String kind, @PathVariable String granteeId,
                                @PathVariable String grant) {
        Company company = company(id);
        roles.revoke(company.id(), Actor.OPERATOR, grantee(kind, granteeId), grantable(grant));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/users/{userId}/permissions")
    Map<String, Object> permissions(@PathVariable String id, @PathVariable String userId) {
        Company company = company(id);
        UUID user = uuid(userId, "User");
        if (users.find(company.id(), user).isEmpty()) {
            throw OperatorException.notFound("User " + userId);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("userId", user.toString());
        out.put("permissions", policy.permissionsOf(company.id(), user).stream().map(Permission::name).toList());
        return out;
    }

    private Company company(String id) {
        return CompanyId.parse(id).flatMap(companies::find)
                .orElseThrow(() -> OperatorException.notFound("Company " + id));
    }

    private static Grantee grantee(String kind, String id) {
        return switch (kind) {
            case "users" -> Grantee.user(uuid(id, "User"));
            case "groups" -> Grantee.group(uuid(id, "Group"));
            default -> throw OperatorException.notFound("Path /roles/" + kind);
        };
    }

    private static Grantable grantable(String name) {
        return Grantable.parse(name).orElseThrow(() -> OperatorException.invalid("Unknown role or permission \""
                + name + "\"; use one of administrator, " + String.join(", ", Arrays.stream(Permission.values())
                .map(p -> p.name().toLowerCase(Locale.ROOT)).toList()) + "."));
    }

    private static UUID uuid(String text, String what) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw OperatorException.notFound(what + " " + text);
        }
    }

    private static Map<String, Object> adminView(AdminEntry a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("userId", a.userId().toString());
        out.put("userName", a.userName());
        out.put("displayName", a.displayName());
        out.put("source", a.source().name());
        out.put("active", a.active());
        out.put("direct", a.direct());
        out.put("viaGroups", a.viaGroups());
        out.put("breakGlass", a.breakGlass());
        out.put("localPasswordSet", a.localPassword());
        return out;
    }

    private static Map<String, Object> grantView(GrantRecord g) {
        Map<String, Object> grantee = new LinkedHashMap<>();
        grantee.put("type", g.grantee() instanceof Grantee.User ? "user" : "group");
        grantee.put("id", g.grantee().id().toString());
        grantee.put("display", g.granteeDisplay());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("grantee", grantee);
        out.put("grant", g.grant().name());
        out.put("kind", g.grant().kind().name());
        out.put("createdAt", g.createdAt().toString());
        return out;
    }
}
