package io.gatehouse.api;

import io.gatehouse.access.Space;
import io.gatehouse.access.Spaces;
import io.gatehouse.application.ApplicationPrincipal;
import io.gatehouse.tenancy.CompanyId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/companies/{companyId}/spaces} (every Space, archived ones included, in creation order,
 * cursor-paged) and {@code …/spaces/{spaceId}}. Who may open a Space: {@code /api/v1/access/check}.
 */
@RestController
@RequestMapping("/api/v1/companies/{companyId}/spaces")
class SpacesApiController {

    /** A Space; {@code archivedAt} is null unless it is archived (then it confers no access). */
    record SpaceResource(String id, String name, boolean archived, String archivedAt, String createdAt) {

        static SpaceResource of(Space space) {
            return new SpaceResource(space.id().toString(), space.name(), space.archived(),
                    space.archived() ? space.archivedAt().toString() : null, space.createdAt().toString());
        }
    }

    private final ServedCompany served;
    private final Spaces spaces;

    SpacesApiController(ServedCompany served, Spaces spaces) {
        this.served = served;
        this.spaces = spaces;
    }

    @GetMapping
    ApiPage<SpaceResource> list(ApplicationPrincipal caller, @PathVariable String companyId,
                                @RequestParam(required = false) String after,
                                @RequestParam(required = false) String limit) {
        CompanyId company = served.require(caller, companyId);
        ApiPaging paging = ApiPaging.of(after, limit);
        return paging.page(spaces.page(company, paging.afterCreatedAt(), paging.afterId(), paging.fetch()),
                SpaceResource::of, s -> new ApiCursor(s.createdAt(), s.id()));
    }

    @GetMapping("/{spaceId}")
    SpaceResource get(ApplicationPrincipal caller, @PathVariable String companyId, @PathVariable String spaceId) {
        CompanyId company = served.require(caller, companyId);
        return spaces.space(company, ApiIds.parse("spaceId", spaceId)).map(SpaceResource::of)
                .orElseThrow(() -> ApiProblem.notFound("No Space " + spaceId + " in company " + companyId + "."));
    }
}
