package io.gatehouse.supportconsole;

import io.gatehouse.application.ApplicationChanges;
import io.gatehouse.application.ApplicationId;
import io.gatehouse.application.ApplicationRegistrations;
import io.gatehouse.application.ProductApplication;
import io.gatehouse.application.ProductApplications;
import io.gatehouse.application.Revocation;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.audit.DeploymentAuditLog;
import io.gatehouse.console.OneTimeSecrets;
import io.gatehouse.credentials.IssuedToken;
import io.gatehouse.tenancy.Company;
import io.gatehouse.tenancy.CompanyId;
import io.gatehouse.tenancy.CompanyService;
import io.gatehouse.webhooks.WebhookEndpoints;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The support console's product applications: the list with *Register an application*, and one application's page
 * (settings, redirect URIs, served companies, client secrets, API keys, webhook endpoints leading to their
 * delivery logs (SupportWebhooksController), its audit entries). Changes go through
 * application.ApplicationRegistrations, as in the operator API, audited as the support team. A new client secret or
 * API key is shown once: the action answers with a 303 redirect to the application's page, which shows it from a
 * sealed flash attribute ({@link OneTimeSecrets}); reloading that page issues nothing and shows the secret no more.
 */
@Controller
class SupportApplicationsController {

    static final int AUDIT_ENTRIES = 20;
    /** Companies offered in the "add a company" choice, newest first; the operator API takes any id. */
    static final int COMPANY_CHOICES = 500;
    static final String ISSUED_SECRET = "issuedSecret";
    static final String ISSUED_KEY = "issuedKey";

    private final ProductApplications applications;
    private final ApplicationRegistrations registrations;
    private final CompanyService companies;
    private final DeploymentAuditLog audit;
    private final OneTimeSecrets secrets;
    private final WebhookEndpoints webhooks;

    SupportApplicationsController(ProductApplications applications, ApplicationRegistrations registrations,
                                  CompanyService companies, DeploymentAuditLog audit, OneTimeSecrets secrets,
                                  WebhookEndpoints webhooks) {
        this.secrets = secrets;
        this.webhooks = webhooks;
        this.applications = applications;
        this.registrations = registrations;
        this.companies = companies;
        this.audit = audit;
    }

    @GetMapping("/support/applications")
    ModelAndView list() {
        return new ModelAndView("support/applications").addObject("applications", applications.list())
                .addObject("navSection", "applications");
    }

    /** Registers the application; its first client secret is shown once on the page this redirects to. */
    @PostMapping("/support/applications")
    ModelAndView register(@RequestParam(required = false) String name,
                          @RequestParam(required = false) String clientType,
                          @RequestParam(required = false) String redirectUris,
                          @RequestParam(required = false) String postLogoutRedirectUris,
                          @RequestParam(required = false) String backChannelLogoutUri,
                          @RequestParam(required = false) String initiateLoginUri,
                          @RequestParam(required = false) String servesAllCompanies,
                          RedirectAttributes redirect) {
        ApplicationRegistrations.Registered registered = registrations.register(clientType,
                new ApplicationChanges(name, lines(redirectUris), null, lines(postLogoutRedirectUris),
                        backChannelLogoutUri, "true".equals(servesAllCompanies), null, true, initiateLoginUri),
                AuditLog.SUPPORT_TEAM);
        ProductApplication app = registered.application();
        redirect.addFlashAttribute("notice", "Application " + app.name() + " registered.");
        if (registered.clientSecret() == null) { // a public client has no secret
            return OneTimeSecrets.seeOther(path(app));
        }
        return secrets.showOnceAt(path(app), redirect, ISSUED_SECRET, app.id(), registered.clientSecret().token());
    }

    @GetMapping("/support/applications/{id}")
    ModelAndView show(@PathVariable String id, Model flash) {
        ProductApplication app = application(id);
        // What registering or issuing just made, flashed to this one request (see OneTimeSecrets).
        secrets.open(flash, ISSUED_SECRET, app.id());
        secrets.open(flash, ISSUED_KEY, app.id());
        return page(app);
    }

    /**
     * Name and URIs; the first redirect URI is the default (where sign-ins started from Entra land). An empty
     * back-channel logout or initiate login URI removes it.
     */
    @PostMapping("/support/applications/{id}/settings")
    String settings(@PathVariable String id, @RequestParam(required = false) String name,
                    @RequestParam(required = false) String redirectUris,
                    @RequestParam(required = false) String postLogoutRedirectUris,
                    @RequestParam(required = false) String backChannelLogoutUri,
                    @RequestParam(required = false) String initiateLoginUri, RedirectAttributes redirect) {
        ProductApplication app = application(id);
        List<String> redirects = lines(redirectUris);
        registrations.update(app.id(), new ApplicationChanges(name == null ? "" : name, redirects,
                redirects.isEmpty() ? null : redirects.get(0), lines(postLogoutRedirectUris),
                orNone(backChannelLogoutUri), null, null, null, orNone(initiateLoginUri)), AuditLog.SUPPORT_TEAM);
        return done(app, "Settings saved.", redirect);
    }

    @PostMapping("/support/applications/{id}/enabled")
    String enable(@PathVariable String id, @RequestParam(required = false) String enabled,
                  RedirectAttributes redirect) {
        ProductApplication app = application(id);
        boolean on = yesOrNo(enabled);
        registrations.update(app.id(), ApplicationChanges.none().withEnabled(on), AuditLog.SUPPORT_TEAM);
        return done(app, on ? "Application enabled." : "Application disabled: its keys and secrets stop working.",
                redirect);
    }

    @PostMapping("/support/applications/{id}/companies/scope")
    String scope(@PathVariable String id, @RequestParam(required = false) String all, RedirectAttributes redirect) {
        ProductApplication app = application(id);
        boolean everyCompany = yesOrNo(all);
        registrations.update(app.id(), ApplicationChanges.none().withServesAllCompanies(everyCompany),
                AuditLog.SUPPORT_TEAM);
        return done(app, everyCompany ? "The application serves all companies."
                : "The application serves the listed companies only.", redirect);
    }

    @PostMapping("/support/applications/{id}/companies")
    String addCompany(@PathVariable String id, @RequestParam(required = false) String companyId,
                      RedirectAttributes redirect) {
        ProductApplication app = application(id);
        registrations.addCompany(app.id(), company(companyId), AuditLog.SUPPORT_TEAM);
        return done(app, "Company added.", redirect);
    }

    @PostMapping("/support/applications/{id}/companies/{companyId}/remove")
    String removeCompany(@PathVariable String id, @PathVariable String companyId, RedirectAttributes redirect) {
        ProductApplication app = application(id);
        registrations.removeCompany(app.id(), company(companyId), AuditLog.SUPPORT_TEAM);
        return done(app, "Company removed.", redirect);
    }

    @PostMapping("/support/applications/{id}/secrets")
    ModelAndView issueSecret(@PathVariable String id, RedirectAttributes redirect) {
        ProductApplication app = application(id);
        IssuedToken issued = registrations.issueClientSecret(app.id(), AuditLog.SUPPORT_TEAM);
        return secrets.showOnceAt(path(app), redirect, ISSUED_SECRET, app.id(), issued.token());
    }

    @PostMapping("/support/applications/{id}/secrets/{secretId}/revoke")
    String revokeSecret(@PathVariable String id, @PathVariable String secretId, RedirectAttributes redirect) {
        ProductApplication app = application(id);
        found(registrations.revokeClientSecret(app.id(), uuid(secretId), AuditLog.SUPPORT_TEAM));
        return done(app, "Client secret revoked.", redirect);
    }

    @PostMapping("/support/applications/{id}/keys")
    ModelAndView issueKey(@PathVariable String id, @RequestParam(required = false) String label,
                          RedirectAttributes redirect) {
        ProductApplication app = application(id);
        IssuedToken issued = registrations.issueApiKey(app.id(), label, AuditLog.SUPPORT_TEAM);
        return secrets.showOnceAt(path(app), redirect, ISSUED_KEY, app.id(), issued.token());
    }

    @PostMapping("/support/applications/{id}/keys/{keyId}/revoke")
    String revokeKey(@PathVariable String id, @PathVariable String keyId, RedirectAttributes redirect) {
        ProductApplication app = application(id);
        found(registrations.revokeApiKey(app.id(), uuid(keyId), AuditLog.SUPPORT_TEAM));
        return done(app, "API key revoked.", redirect);
    }

    @PostMapping("/support/applications/{id}/delete")
    String delete(@PathVariable String id, @RequestParam(required = false) String confirm,
                  RedirectAttributes redirect) {
        ProductApplication app = application(id);
        if (!"yes".equals(confirm)) {
            throw new IllegalArgumentException("Tick the box to confirm that the application is to be deleted.");
        }
        registrations.delete(app.id(), AuditLog.SUPPORT_TEAM);
        redirect.addFlashAttribute("notice", "Application " + app.name() + " deleted.");
        return "redirect:/support/applications";
    }

    private ModelAndView page(ProductApplication app) {
        // Read afresh, as it is now.
        ProductApplication current = applications.find(app.id()).orElseThrow(SupportErrors.NotFoundException::new);
        Map<CompanyId, Company> all = companies.list().stream()
                .collect(Collectors.toMap(Company::id, Function.identity()));
        List<Company> served = current.settings().companyIds().stream().map(all::get).filter(c -> c != null)
                .toList();
        List<Company> choices = all.values().stream().filter(c -> !current.serves(c.id()))
                .sorted(Comparator.comparing(Company::createdAt).reversed()).limit(COMPANY_CHOICES).toList();
        return new ModelAndView("support/application").addObject("app", current)
                .addObject("redirectUrisText", String.join("\n", current.redirectUris()))
                .addObject("postLogoutUrisText", String.join("\n", current.postLogoutRedirectUris()))
                .addObject("servedCompanies", served).addObject("companyChoices", choices)
                .addObject("secrets", applications.clientSecrets(app.id()))
                .addObject("keys", applications.apiKeys(app.id()))
                .addObject("webhooks", webhooks.list(app.id()))
                .addObject("audit", audit.recent(DeploymentAuditLog.APPLICATION, app.id().toString(), AUDIT_ENTRIES))
                .addObject("navSection", "applications");
    }

    private ProductApplication application(String id) {
        return ApplicationId.parse(id).flatMap(applications::find).orElseThrow(SupportErrors.NotFoundException::new);
    }

    private CompanyId company(String id) {
        return CompanyId.parse(id == null ? null : id.strip()).filter(c -> companies.find(c).isPresent())
                .orElseThrow(SupportErrors.NotFoundException::new);
    }

    /** A form field left out counts as empty: "none". */
    private static String orNone(String value) {
        return value == null ? "" : value;
    }

    /** One URI per line; blank lines do not count. */
    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    static boolean yesOrNo(String value) {
        return switch (value == null ? "" : value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("Choose yes or no.");
        };
    }

    private static void found(Revocation revocation) {
        if (revocation == Revocation.NOT_FOUND) {
            throw new SupportErrors.NotFoundException();
        }
    }

    static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new SupportErrors.NotFoundException();
        }
    }

    private static String done(ProductApplication app, String notice, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", notice);
        return "redirect:" + path(app);
    }

    private static String path(ProductApplication app) {
        return "/support/applications/" + app.id();
    }
}
