package io.gatehouse.supportconsole;

import io.gatehouse.access.CompanyAdmins;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.config.GatehouseProperties;
import io.gatehouse.console.OneTimeSecrets;
import io.gatehouse.credentials.IssuedToken;
import io.gatehouse.operator.CompanyOperations;
import io.gatehouse.tenancy.Company;
import io.gatehouse.tenancy.CompanyId;
import io.gatehouse.tenancy.CompanyService;
import io.gatehouse.tenancy.PlanCatalog;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The support console's pages: the companies list (search by name), creating a company, and one company's page
 * with its plan, email domains, SCIM tokens, provisioning health, SSO status, provisioning switch and
 * administrators. Thin: reads through {@link CompanyOverview}, changes through the services the operator API
 * uses, audited as the support team. A new token or setup link is shown once: the action answers with a 303
 * redirect to the company's page, which shows it from a sealed flash attribute ({@link OneTimeSecrets}, as the
 * console's token rotation); reloading that page issues nothing and shows the secret no more.
 */
@Controller
class SupportCompaniesController {

    static final int LIST_LIMIT = 200;
    static final String ISSUED_TOKEN = "issuedToken";
    static final String SETUP_LINK = "setupLink";
    static final String SETUP_USER = "setupUser";
    static final String SETUP_EXPIRES = "setupExpiresAt";

    private final CompanyService companies;
    private final PlanCatalog plans;
    private final CompanyOperations operations;
    private final CompanyAdmins admins;
    private final CompanyOverview overview;
    private final GatehouseProperties properties;
    private final OneTimeSecrets secrets;

    SupportCompaniesController(CompanyService companies, PlanCatalog plans, CompanyOperations operations,
                               CompanyAdmins admins, CompanyOverview overview, GatehouseProperties properties,
                               OneTimeSecrets secrets) {
        this.secrets = secrets;
        this.companies = companies;
        this.plans = plans;
        this.operations = operations;
        this.admins = admins;
        this.overview = overview;
        this.properties = properties;
    }

    @GetMapping("/support")
    String home() {
        return "redirect:/support/companies";
    }

    @GetMapping("/support/companies")
    ModelAndView list(@RequestParam(defaultValue = "") String q) {
        String needle = q.strip().toLowerCase(Locale.ROOT);
        List<Company> matches = companies.list().stream()
                .filter(c -> c.name().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(Comparator.comparing(Company::createdAt).reversed()
                        .thenComparing(c -> c.name().toLowerCase(Locale.ROOT)))
                .toList();
        return new ModelAndView("support/companies").addObject("q", q)
                .addObject("companies", matches.stream().limit(LIST_LIMIT).toList())
                .addObject("total", matches.size()).addObject("plans", plans.codes())
                .addObject("withoutAdmin", admins.companiesWithoutActiveAdmin());
    }

    @PostMapping("/support/companies")
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) String plan,
                  RedirectAttributes redirect) {
        Company company = companies.create(name, plan);
        redirect.addFlashAttribute("notice", "Company " + company.name() + " created.");
        return "redirect:/support/companies/" + company.id();
    }

    @GetMapping("/support/companies/{id}")
    ModelAndView show(@PathVariable String id, Model flash) {
        Company company = company(id);
        // What the token or administrator action just made, flashed to this one request (see OneTimeSecrets).
        secrets.open(flash, ISSUED_TOKEN, company.id());
        secrets.open(flash, SETUP_LINK, company.id());
        return page(company);
    }

    @PostMapping("/support/companies/{id}/plan")
    String changePlan(@PathVariable String id, @RequestParam(required = false) String plan,
                      RedirectAttributes redirect) {
        Company company = company(id);
        operations.update(company, AuditLog.SUPPORT_TEAM, null, plan == null ? "" : plan, null);
        return done(company, "Plan changed to " + plan + ".", redirect);
    }

    @PostMapping("/support/companies/{id}/provisioning")
    String switchProvisioning(@PathVariable String id, @RequestParam(required = false) String enabled,
                              RedirectAttributes redirect) {
        Company company = company(id);
        boolean on = switch (enabled == null ? "" : enabled) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("Choose on or off.");
        };
        operations.update(company, AuditLog.SUPPORT_TEAM, null, null, on);
        return done(company, on ? "Provisioning switched on." : "Provisioning switched off.", redirect);
    }

    @PostMapping("/support/companies/{id}/domains")
    String addDomain(@PathVariable String id, @RequestParam(required = false) String domain,
                     RedirectAttributes redirect) {
        Company company = company(id);
        operations.addEmailDomain(company.id(), AuditLog.SUPPORT_TEAM, domain);
        return done(company, "Email domain added.", redirect);
    }

    @PostMapping("/support/companies/{id}/domains/remove")
    String removeDomain(@PathVariable String id, @RequestParam(required = false) String domain,
                        RedirectAttributes redirect) {
        Company company = company(id);
        operations.removeEmailDomain(company.id(), AuditLog.SUPPORT_TEAM, domain);
        return done(company, "Email domain removed.", redirect);
    }

    /** Issues a SCIM token, shown once on the company's page that this redirects to. */
    @PostMapping("/support/companies/{id}/tokens")
    ModelAndView issueToken(@PathVariable String id, RedirectAttributes redirect) {
        Company company = company(id);
        IssuedToken issued = operations.issueScimToken(company.id(), AuditLog.SUPPORT_TEAM);
        return secrets.showOnceAt(path(company), redirect, ISSUED_TOKEN, company.id(), issued.token());
    }

    @PostMapping("/support/companies/{id}/tokens/{tokenId}/revoke")
    String revokeToken(@PathVariable String id, @PathVariable String tokenId, RedirectAttributes redirect) {
        Company company = company(id);
        if (operations.revokeScimToken(company.id(), AuditLog.SUPPORT_TEAM, uuid(tokenId))
                == CompanyOperations.Revocation.NOT_FOUND) {
            throw new SupportErrors.NotFoundException();
        }
        return done(company, "Token revoked.", redirect);
    }

    /**
     * Creates (or reuses) the break-glass administrator; its one-time setup link is shown once on the company's page
     * that this redirects to.
     */
    @PostMapping("/support/companies/{id}/admins")
    ModelAndView createAdmin(@PathVariable String id, @RequestParam(required = false) String email,
                             @RequestParam(required = false) String displayName, RedirectAttributes redirect) {
        Company company = company(id);
        CompanyAdmins.AdminSetup setup = admins.createOrReuse(company.id(), email, displayName);
        redirect.addFlashAttribute(SETUP_USER, setup.userName());
        redirect.addFlashAttribute(SETUP_EXPIRES, setup.link().expiresAt());
        return secrets.showOnceAt(path(company), redirect, SETUP_LINK, company.id(), setup.link().url());
    }

    /** Retires a break-glass administrator; refused (409 page) when no other active administrator would be left. */
    @PostMapping("/support/companies/{id}/admins/{userId}/retire")
    String retireAdmin(@PathVariable String id, @PathVariable String userId, RedirectAttributes redirect) {
        Company company = company(id);
        if (!admins.retire(company.id(), uuid(userId))) {
            throw new SupportErrors.NotFoundException();
        }
        return done(company, "Break-glass administrator retired.", redirect);
    }

    private ModelAndView page(Company company) {
        return new ModelAndView("support/company").addObject("o", overview.of(company))
                .addObject("plans", plans.codes()).addObject("tenantUrl", properties.scimBaseUrl());
    }

    private Company company(String id) {
        return CompanyId.parse(id).flatMap(companies::find).orElseThrow(SupportErrors.NotFoundException::new);
    }

    private static String done(Company company, String notice, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", notice);
        return "redirect:" + path(company);
    }

    private static String path(Company company) {
        return "/support/companies/" + company.id();
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new SupportErrors.NotFoundException();
        }
    }
}
