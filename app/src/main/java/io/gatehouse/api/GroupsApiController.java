package io.gatehouse.api;

import io.gatehouse.application.ApplicationPrincipal;
import io.gatehouse.directory.GroupRecord;
import io.gatehouse.directory.GroupRepository;
import io.gatehouse.directory.UserSummary;
import io.gatehouse.tenancy.CompanyId;
import java.util.Locale;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/companies/{companyId}/groups} (creation order, cursor-paged), {@code …/groups/{groupId}} and
 * {@code …/groups/{groupId}/members} (the members in the order the users were created, cursor-paged). Only
 * companies the calling application serves.
 */
@RestController
@RequestMapping("/api/v1/companies/{companyId}/groups")
class GroupsApiController {

    /** A user group; {@code source} as for users ({@code scim} or {@code local}). */
    record GroupResource(String id, String displayName, String externalId, String source, String createdAt,
                         String updatedAt) {

        static GroupResource of(GroupRecord group) {
            String externalId = group.resource().path("externalId").asString(null);
            return new GroupResource(group.id().toString(), group.displayName(),
                    externalId == null || externalId.isEmpty() ? null : externalId,
                    group.source().name().toLowerCase(Locale.ROOT), group.created().toString(),
                    group.lastModified().toString());
        }
    }

    /** A member of a group: the user's id, names and whether they are active (the full user: …/users/{id}). */
    record MemberResource(String id, String userName, String displayName, boolean active) {

        static MemberResource of(UserSummary user) {
            return new MemberResource(user.id().toString(), user.userName(), user.displayName(), user.active());
        }
    }

    private final ServedCompany served;
    private final GroupRepository groups;

    GroupsApiController(ServedCompany served, GroupRepository groups) {
        this.served = served;
        this.groups = groups;
    }

    @GetMapping
    ApiPage<GroupResource> list(ApplicationPrincipal caller, @PathVariable String companyId,
                                @RequestParam(required = false) String after,
                                @RequestParam(required = false) String limit) {
        CompanyId company = served.require(caller, companyId);
        ApiPaging paging = ApiPaging.of(after, limit);
        return paging.page(groups.creationPage(company, paging.afterCreatedAt(), paging.afterId(), paging.fetch()),
                GroupResource::of, g -> new ApiCursor(g.created(), g.id()));
    }

    @GetMapping("/{groupId}")
    GroupResource get(ApplicationPrincipal caller, @PathVariable String companyId, @PathVariable String groupId) {
        CompanyId company = served.require(caller, companyId);
        return GroupResource.of(group(company, companyId, groupId));
    }

    @GetMapping("/{groupId}/members")
    ApiPage<MemberResource> members(ApplicationPrincipal caller, @PathVariable String companyId,
                                    @PathVariable String groupId, @RequestParam(required = false) String after,
                                    @RequestParam(required = false) String limit) {
        CompanyId company = served.require(caller, companyId);
        GroupRecord group = group(company, companyId, groupId);
        ApiPaging paging = ApiPaging.of(after, limit);
        return paging.page(groups.memberPage(company, group.id(), paging.afterCreatedAt(), paging.afterId(),
                paging.fetch()), MemberResource::of, u -> new ApiCursor(u.createdAt(), u.id()));
    }

    private GroupRecord group(CompanyId company, String companyId, String groupId) {
        UUID id = ApiIds.parse("groupId", groupId);
        return groups.find(company, id)
                .orElseThrow(() -> ApiProblem.notFound("No group " + groupId + " in company " + companyId + "."));
    }
}
