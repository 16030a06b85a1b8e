package io.gatehouse.api;

import io.gatehouse.access.AccessPolicy;
import io.gatehouse.access.SpaceDecision;
import io.gatehouse.application.ApplicationPrincipal;
import io.gatehouse.application.ProductApplications;
import io.gatehouse.directory.UserRepository;
import java.util.Locale;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/access/check?user=&space=}: may this user open this Space, answered by access.AccessPolicy at
 * the time of the request (nothing cached: a SCIM deactivation or a revoked grant counts at once). The user's
 * company must be one the application serves and the Space must be of the same company; otherwise 404, the same
 * answer as for ids that do not exist.
 */
@RestController
class AccessCheckApiController {

    /** {@code role} is VIEWER, EDITOR or MANAGER when allowed; {@code reason} says why (see SpaceDecision.Reason). */
    record AccessCheck(String userId, String spaceId, String companyId, boolean allowed, String role, String reason) {}

    private final ProductApplications applications;
    private final UserRepository users;
    private final AccessPolicy policy;

    AccessCheckApiController(ProductApplications applications, UserRepository users, AccessPolicy policy) {
        this.applications = applications;
        this.users = users;
        this.policy = policy;
    }

    @GetMapping("/api/v1/access/check")
    AccessCheck check(ApplicationPrincipal caller, @RequestParam String user, @RequestParam String space) {
        UUID userId = ApiIds.parse("user", user);
        UUID spaceId = ApiIds.parse("space", space);
        return users.companyOf(userId)
                .filter(company -> applications.servedCompany(caller, company).isPresent())
                .flatMap(company -> policy.spaceAccess(company, userId, spaceId).map(decision ->
                        view(userId, spaceId, company.toString(), decision)))
                .orElseThrow(() -> ApiProblem.notFound("No user " + user + " with a Space " + space + " of the same "
                        + "company among the companies this application serves."));
    }

    private static AccessCheck view(UUID user, UUID space, String company, SpaceDecision decision) {
        return new AccessCheck(user.toString(), space.toString(), company, decision.allowed(),
                decision.role() == null ? null : decision.role().name(),
                decision.reason().name().toLowerCase(Locale.ROOT));
    }
}
