package io.gatehouse.oidc;

import io.gatehouse.access.AdminEntry;
import io.gatehouse.access.CompanyAdmins;
import io.gatehouse.tenancy.Company;
import io.gatehouse.tenancy.CompanyId;
import io.gatehouse.tenancy.CompanyService;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The "Need admin approval" page: what is missing (an administrator of the organization approving
 * Gatehouse for everyone), who can do it (the company's administrators, by name, when the company is known)
 * and where (Gatehouse's console, or Entra's admin center).
 */
@Component
class NeedApproval {

    private final CompanyService companies;
    private final CompanyAdmins admins;

    NeedApproval(CompanyService companies, CompanyAdmins admins) {
        this.companies = companies;
        this.admins = admins;
    }

    /**
     * @param company the company, when the sign-in was started for one; null otherwise
     * @param idpErrorCode Entra's code when Entra itself asked for consent (e.g. AADSTS65001), or null
     */
    ModelAndView page(CompanyId company, String idpErrorCode, String reference) {
        Optional<Company> found = company == null ? Optional.empty() : companies.find(company);
        List<String> names = found.map(c -> admins.list(c.id()).stream().filter(AdminEntry::active)
                .map(a -> a.displayName() != null && !a.displayName().isBlank() ? a.displayName() : a.userName())
                .distinct().limit(10).toList()).orElse(List.of());
        return new ModelAndView("oidc/need-approval")
                .addObject("companyName", found.map(Company::name).orElse(null))
                .addObject("adminNames", names)
                .addObject("idpErrorCode", idpErrorCode)
                .addObject("reference", reference);
    }
}
