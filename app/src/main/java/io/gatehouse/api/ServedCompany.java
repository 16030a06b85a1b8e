package io.gatehouse.api;

import io.gatehouse.application.ApplicationPrincipal;
import io.gatehouse.application.ProductApplications;
import io.gatehouse.tenancy.CompanyId;
import org.springframework.stereotype.Component;

/**
 * The {@code {companyId}} of a company-scoped route, checked against the calling application first: every read
 * below it is scoped to a company the application serves. One it does not serve is 404 exactly as one that does
 * not exist.
 */
@Component
class ServedCompany {

    private final ProductApplications applications;

    ServedCompany(ProductApplications applications) {
        this.applications = applications;
    }

    CompanyId require(ApplicationPrincipal caller, String companyId) {
        CompanyId id = new CompanyId(ApiIds.parse("companyId", companyId));
        return applications.servedCompany(caller, id).map(company -> id)
                .orElseThrow(() -> notFound(companyId));
    }

    static ApiProblem notFound(String companyId) {
        return ApiProblem.notFound("No company " + companyId + " among the companies this application serves.");
    }
}
