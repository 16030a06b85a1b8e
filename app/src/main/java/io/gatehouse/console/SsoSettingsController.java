package io.gatehouse.console;

import io.gatehouse.access.Permission;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.config.GatehouseProperties;
import io.gatehouse.oidc.AdminConsent;
import io.gatehouse.oidc.OidcEndpoints;
import io.gatehouse.oidc.OidcSettings;
import io.gatehouse.saml.LinkBy;
import io.gatehouse.saml.ConnectionReport;
import io.gatehouse.saml.InvalidConnectionException;
import io.gatehouse.saml.LoginLog;
import io.gatehouse.saml.SamlConnectionService;
import io.gatehouse.saml.SpEndpoints;
import io.gatehouse.saml.SpKeyRotation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** SSO settings: our values for Entra's Basic SAML Configuration, the IdP's metadata, recent sign-ins. */
@Controller
class SsoSettingsController {

    static final Duration EXPIRY_WARNING = Duration.ofDays(30);
    private static final int MAX_METADATA_BYTES = 1_000_000;

    private final ConsolePages pages;
    private final SamlConnectionService connections;
    private final SpEndpoints endpoints;
    private final LoginLog loginLog;
    private final Clock clock;
    private final OidcSettings oidcSettings;
    private final OidcEndpoints oidcEndpoints;
    private final AdminConsent adminConsent;
    private final AuditLog audit;
    private final SpKeyRotation spKeys;
    private final String baseUrl;

    SsoSettingsController(ConsolePages pages, SamlConnectionService connections, SpEndpoints endpoints,
                          LoginLog loginLog, Clock clock, OidcSettings oidcSettings, OidcEndpoints oidcEndpoints,
                          AdminConsent adminConsent, AuditLog audit, SpKeyRotation spKeys,
                          GatehouseProperties properties) {
        this.pages = pages;
        this.connections = connections;
        this.endpoints = endpoints;
        this.loginLog = loginLog;
        this.clock = clock;
        this.oidcSettings = oidcSettings;
        this.oidcEndpoints = oidcEndpoints;
        this.adminConsent = adminConsent;
        this.audit = audit;
        this.spKeys = spKeys;
        this.baseUrl = properties.baseUrl();
    }

    /** A certificate as the page shows it. */
    record CertificateRow(String subject, Instant notAfter, String sha256, boolean expired, boolean expiresSoon) {}

    @GetMapping("/console/settings/sso")
    ModelAndView page(Authentication authentication, @RequestParam(required = false) String approved) {
        ConsoleUser user = pages.require(authentication, Permission.MANAGE_COMPANY_SETTINGS);
        return view(user, approved == null ? null
                : "Approved: people of your organization can now use Sign in with Microsoft.", null);
    }

    /** "Sign in with Microsoft" offered or not, and how its users are linked. */
    @PostMapping("/console/settings/sso/oidc")
    ModelAndView oidcOptions(Authentication authentication, @RequestParam(required = false) String enabled,
                             @RequestParam(required = false) String linkBy, HttpServletResponse response) {
        ConsoleUser user = pages.require(authentication, Permission.MANAGE_COMPANY_SETTINGS);
        LinkBy by;
        try {
            by = LinkBy.valueOf(linkBy == null ? "EXTERNAL_ID" : linkBy);
        } catch (IllegalArgumentException e) {
            response.setStatus(400);
            return view(user, null, "Choose how users are matched.");
        }
        boolean on = enabled != null;
        oidcSettings.saveOptions(user.companyId(), on, by);
        audit.record(user.companyId(), user.user().userName(), "OIDC_SETTINGS_CHANGED",
                "Sign in with Microsoft " + (on ? "offered" : "not offered") + ", users matched by " + by);
        return view(user, "Sign in with Microsoft settings saved.", null);
    }

    /** "Approve for my organization": on to Entra's admin consent page. */
    @PostMapping("/console/settings/sso/oidc/approve")
    ModelAndView approve(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        ConsoleUser user = pages.require(authentication, Permission.MANAGE_COMPANY_SETTINGS);
        if (!adminConsent.available()) {
            response.setStatus(409);
            return view(user, null, "Sign in with Microsoft is not set up on this {product} service.");
        }
        response.setHeader("Cache-Control", "no-store");
        RedirectView toEntra = new RedirectView(adminConsent.start(user.companyId(), user.userId(),
                request.getSession().getId()));
        toEntra.setExpandUriTemplateVariables(false);
        toEntra.setExposeModelAttributes(false);
        return new ModelAndView(toEntra);
    }

    @PostMapping("/console/settings/sso/metadata-file")
    ModelAndView upload(Authentication authentication, @RequestParam(required = false) MultipartFile file,
                        HttpServletResponse response) throws IOException {
        ConsoleUser user = pages.require(authentication, Permission.MANAGE_COMPANY_SETTINGS);
        if (file == null || file.isEmpty() || file.getSize() > MAX_METADATA_BYTES) {
            response.setStatus(400);
            return view(user, null, "Choose the Federation Metadata XML file downloaded from Entra (at most 1 MB).");
        }
        try {
            connections.saveMetadata(user.companyId(), user.user().userName(), file.getBytes());
            return view(user, "Metadata saved.", null);
        } catch (InvalidConnectionException e) {
            response.setStatus(400);
            return view(user, null, message(e));
        }
    }

    @PostMapping("/console/settings/sso/metadata-url")
    ModelAndView fromUrl(Authentication authentication, @RequestParam(required = false) String url,
                         HttpServletResponse response) {
        ConsoleUser user = pages.require(authentication, Permission.MANAGE_COMPANY_SETTINGS);
        try {
            connections.saveMetadataUrl(user.companyId(), user.user().userName(), url == null ? "" : url.strip());
            return view(user, "Metadata fetched and saved. It is refreshed from this URL automatically.", null);
        } catch (InvalidConnectionException e) {
            response.setStatus(400);
            return view(user, null, message(e));
        }
    }

    private ModelAndView view(ConsoleUser user, String notice, String error) {
        Optional<ConnectionReport> report = connections.report(user.companyId());
        Instant now = clock.instant();
        List<CertificateRow> certificates = report.map(r -> r.certificates().stream()
                .map(c -> new CertificateRow(c.subject(), c.notAfter(), c.sha256(), !c.notAfter().isAfter(now),
                        c.notAfter().isAfter(now) && c.notAfter().isBefore(now.plus(EXPIRY_WARNING))))
                .toList()).orElse(List.of());
        return pages.page(user, "console/sso", "sso")
                .addObject("entityId", report.map(ConnectionReport::spEntityId)
                        .orElse(endpoints.metadataUrl(user.companyId())))
                .addObject("replyUrl", endpoints.acsUrl(user.companyId()))
                .addObject("logoutUrl", endpoints.logoutUrl(user.companyId()))
                .addObject("testLoginPath", "/saml/" + user.companyId() + "/login")
                .addObject("metadataPath", "/saml/" + user.companyId() + "/metadata")
                .addObject("spKeys", spKeys.list(user.companyId()))
                .addObject("connection", report.map(ConnectionReport::connection).orElse(null))
                .addObject("warnings", report.map(ConnectionReport::warnings).orElse(List.of()))
                .addObject("certificates", certificates)
                .addObject("logins", loginLog.recent(user.companyId(), 20))
                .addObject("oidcAvailable", adminConsent.available())
                .addObject("oidc", oidcSettings.of(user.companyId()))
                .addObject("oidcSignInLink", baseUrl + "/oidc/" + user.companyId() + "/login")
                .addObject("oidcRedirectUri", oidcEndpoints.signInRedirectUri())
                .addObject("notice", notice)
                .addObject("error", error);
    }

    private static String message(InvalidConnectionException e) {
        return e.errors().isEmpty() ? e.getMessage()
                : String.join(" ", e.errors().stream().map(InvalidConnectionException.FieldError::message).toList());
    }
}
