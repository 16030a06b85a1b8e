package io.gatehouse.api;

import io.gatehouse.application.ApplicationPrincipal;
import io.gatehouse.application.ProductApplications;
import io.gatehouse.tenancy.Company;
import io.gatehouse.tenancy.CompanyId;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/companies} — the companies the calling application serves, in creation order, cursor-paged
 * ({@code ?after=&limit=}) — and {@code GET /api/v1/companies/{id}}: a company it does not serve is 404, exactly as
 * one that does not exist.
 */
@RestController
@RequestMapping("/api/v1/companies")
class CompaniesApiController {

    /** A company as the product sees it. */
    record CompanyResource(String id, String name, String createdAt) {

        static CompanyResource of(Company company) {
            return new CompanyResource(company.id().toString(), company.name(), company.createdAt().toString());
        }
    }

    private final ProductApplications applications;

    CompaniesApiController(ProductApplications applications) {
        this.applications = applications;
    }

    @GetMapping
    ApiPage<CompanyResource> list(ApplicationPrincipal caller, @RequestParam(required = false) String after,
                                  @RequestParam(required = false) String limit) {
        int size = ApiPage.limit(limit);
        Optional<ApiCursor> from = ApiCursor.decode(after);
        return ApiPage.of(applications.servedCompanies(caller, from.map(ApiCursor::createdAt).orElse(null),
                        from.map(ApiCursor::id).orElse(null), size + 1),
                size, CompanyResource::of, c -> new ApiCursor(c.createdAt(), c.id().value()));
    }

    @GetMapping("/{id}")
    CompanyResource get(ApplicationPrincipal caller, @PathVariable String id) {
        return CompanyId.parse(id).flatMap(company -> applications.servedCompany(caller, company))
                .map(CompanyResource::of)
                .orElseThrow(() -> ApiProblem.notFound("No company " + id + " among the companies this application "
                        + "serves."));
    }
}
