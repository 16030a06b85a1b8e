package io.gatehouse.api;

import io.gatehouse.access.AccessPolicy;
import io.gatehouse.access.Permission;
import io.gatehouse.application.ApplicationPrincipal;
import io.gatehouse.directory.GroupRef;
import io.gatehouse.directory.GroupRepository;
import io.gatehouse.directory.UserRecord;
import io.gatehouse.directory.UserRepository;
import io.gatehouse.tenancy.CompanyId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/companies/{companyId}/users} — the company's users in creation order, cursor-paged, optionally
 * only the one(s) with an e-mail address ({@code email=}, case-insensitive) or an identity-provider id
 * ({@code externalId=}) — and {@code GET …/users/{userId}}. Only companies the calling application serves.
 */
@RestController
@RequestMapping("/api/v1/companies/{companyId}/users")
class UsersApiController {

    /** Longer filter values match nobody (e-mail addresses have at most 254 characters). */
    static final int MAX_FILTER = 1024;

    private final ServedCompany served;
    private final UserRepository users;
    private final GroupRepository groups;
    private final AccessPolicy policy;

    UsersApiController(ServedCompany served, UserRepository users, GroupRepository groups, AccessPolicy policy) {
        this.served = served;
        this.users = users;
        this.groups = groups;
        this.policy = policy;
    }

    @GetMapping
    ApiPage<UserResource> list(ApplicationPrincipal caller, @PathVariable String companyId,
                               @RequestParam(required = false) String after,
                               @RequestParam(required = false) String limit,
                               @RequestParam(required = false) String email,
                               @RequestParam(required = false) String externalId) {
        CompanyId company = served.require(caller, companyId);
        ApiPaging paging = ApiPaging.of(after, limit);
        List<UserRecord> rows = users.creationPage(company, filter("email", email), filter("externalId", externalId),
                paging.afterCreatedAt(), paging.afterId(), paging.fetch());
        List<UUID> ids = rows.stream().map(UserRecord::id).toList();
        Map<UUID, List<GroupRef>> groupsByUser = groups.groupsOf(company, ids).stream()
                .collect(Collectors.groupingBy(GroupRef::userId));
        Map<UUID, Set<Permission>> permissions = policy.permissionsOf(company, ids);
        return paging.page(rows, u -> UserResource.of(u, groupsByUser.getOrDefault(u.id(), List.of()),
                        permissions.get(u.id())), u -> new ApiCursor(u.created(), u.id()));
    }

    @GetMapping("/{userId}")
    UserResource get(ApplicationPrincipal caller, @PathVariable String companyId, @PathVariable String userId) {
        CompanyId company = served.require(caller, companyId);
        UUID id = ApiIds.parse("userId", userId);
        UserRecord user = users.find(company, id)
                .orElseThrow(() -> ApiProblem.notFound("No user " + userId + " in company " + companyId + "."));
        return UserResource.of(user, groups.groupsOf(company, List.of(id)), policy.permissionsOf(company, id));
    }

    /** Null when absent; an empty or oversized value is a 400 problem naming the parameter. */
    private static String filter(String parameter, String value) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty() || value.length() > MAX_FILTER) {
            throw ApiProblem.invalidParameter(parameter, parameter + " must be 1 to " + MAX_FILTER + " characters.");
        }
        return value;
    }
}
