package io.gatehouse.api;

import io.gatehouse.application.ApplicationPrincipal;
import io.gatehouse.application.ProductApplications;
import io.gatehouse.tenancy.Company;
import io.gatehouse.tenancy.CompanyId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/companies} — the companies the calling application serves, in creation order, cursor-paged
 * ({@code ?after=&limit=}) — and {@code GET /api/v1/companies/{companyId}}: a company it does not serve is 404, exactly
 * as one that does not exist; an id that is not a UUID is a 400 problem naming {@code companyId}.
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
        ApiPaging paging = ApiPaging.of(after, limit);
        return paging.page(applications.servedCompanies(caller, paging.afterCreatedAt(), paging.afterId(),
                paging.fetch()), CompanyResource::of, c -> new ApiCursor(c.createdAt(), c.id().value()));
    }

    @GetMapping("/{companyId}")
    CompanyResource get(ApplicationPrincipal caller, @PathVariable String companyId) {
        CompanyId id = new CompanyId(ApiIds.parse("companyId", companyId));
        return applications.servedCompany(caller, id).map(CompanyResource::of)
                .orElseThrow(() -> ServedCompany.notFound(companyId));
    }
}
