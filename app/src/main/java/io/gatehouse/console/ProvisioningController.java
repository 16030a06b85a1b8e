package io.gatehouse.console;

import io.gatehouse.access.Permission;
import io.gatehouse.audit.ProvisioningEvent;
import io.gatehouse.audit.ProvisioningLog;
import io.gatehouse.config.GatehouseProperties;
import io.gatehouse.credentials.IssuedToken;
import io.gatehouse.credentials.TokenInfo;
import io.gatehouse.credentials.TokenService;
import io.gatehouse.directory.DirectoryLock;
import io.gatehouse.directory.GroupRepository;
import io.gatehouse.directory.UserRepository;
import io.gatehouse.operator.CompanyOperations;
import io.gatehouse.saml.SpEndpoints;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Provisioning: what to paste into Entra, the company's SCIM tokens (rotated and revoked here), whether
 * provisioning is on (switched here or by the support team; changes through operator.CompanyOperations, as the
 * support team's, audited with the admin's userName), what Entra did (the provisioning log) and the
 * setup guide with this company's values. A new token is shown once: the rotation answers with a 303 redirect
 * (post/redirect/get, so reloading the page issues nothing) and the token travels to the page in a sealed flash
 * attribute ({@link OneTimeSecrets}, as the support console's one-time secrets do).
 */
@Controller
class ProvisioningController {

    static final int LOG_LIMIT = 200;
    static final String ISSUED = "issuedToken";

    private final ConsolePages pages;
    private final GatehouseProperties properties;
    private final TokenService tokens;
    private final DirectoryLock lock;
    private final ProvisioningLog log;
    private final UserRepository users;
    private final GroupRepository groups;
    private final SpEndpoints endpoints;
    private final CompanyOperations operations;
    private final OneTimeSecrets secrets;

    ProvisioningController(ConsolePages pages, GatehouseProperties properties, TokenService tokens,
                           DirectoryLock lock, ProvisioningLog log, UserRepository users, GroupRepository groups,
                           SpEndpoints endpoints, CompanyOperations operations, OneTimeSecrets secrets) {
        this.secrets = secrets;
        this.operations = operations;
        this.pages = pages;
        this.properties = properties;
        this.tokens = tokens;
        this.lock = lock;
        this.log = log;
        this.users = users;
        this.groups = groups;
        this.endpoints = endpoints;
    }

    @GetMapping("/console/provisioning")
    ModelAndView page(Authentication authentication, @RequestParam(defaultValue = "all") String status,
                      Model flash) {
        ConsoleUser user = pages.require(authentication, Permission.MANAGE_COMPANY_SETTINGS);
        secrets.open(flash, ISSUED, user.companyId()); // the rotation's answer, once
        return model(user, status);
    }

    /** Issues a new SCIM token, shown once on the page this redirects to; older tokens keep working until revoked. */
    @PostMapping("/console/provisioning/tokens")
    ModelAndView rotate(Authentication authentication, RedirectAttributes redirect) {
        ConsoleUser user = pages.require(authentication, Permission.MANAGE_COMPANY_SETTINGS);
        IssuedToken issued = operations.issueScimToken(user.companyId(), user.user().userName());
        return secrets.showOnceAt("/console/provisioning", redirect, ISSUED, user.companyId(), issued.token());
    }

    @PostMapping("/console/provisioning/tokens/{tokenId}/revoke")
    ModelAndView revoke(Authentication authentication, @PathVariable String tokenId) {
        ConsoleUser user = pages.require(authentication, Permission.MANAGE_COMPANY_SETTINGS);
        if (operations.revokeScimToken(user.companyId(), user.user().userName(), Ids.parse(tokenId))
                == CompanyOperations.Revocation.NOT_FOUND) {
            throw new ConsoleErrors.NotFoundException();
        }
        return new ModelAndView("redirect:/console/provisioning");
    }

    /** Switches provisioning on or off; off lifts the directory lock so users and groups are managed here. */
    @PostMapping("/console/provisioning/switch")
    ModelAndView switchProvisioning(Authentication authentication,
                                    @RequestParam(required = false) String enabled) {
        ConsoleUser user = pages.require(authentication, Permission.MANAGE_COMPANY_SETTINGS);
        boolean on = switch (enabled == null ? "" : enabled) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("Choose on or off.");
        };
        operations.update(user.company(), user.user().userName(), null, null, on);
        return new ModelAndView("redirect:/console/provisioning");
    }

    private ModelAndView model(ConsoleUser user, String status) {
        String filter = switch (status) {
            case "ok", "failed" -> status;
            default -> "all";
        };
        List<ProvisioningEvent> events = log.recent(user.companyId(), LOG_LIMIT).stream()
                .filter(statusFilter(filter)).toList();
        List<TokenInfo> tokenList = tokens.scimTokens(user.companyId());
        long provisionedUsers = users.search(user.companyId(), "u.source = 'SCIM'", List.of(), null, 0, 0).total();
        long provisionedGroups = groups.search(user.companyId(), "g.source = 'SCIM'", List.of(), null, 0, 0).total();
        return pages.page(user, "console/provisioning", "provisioning")
                .addObject("tenantUrl", properties.scimBaseUrl())
                .addObject("tokens", tokenList)
                .addObject("activeToken", tokenList.stream().anyMatch(TokenInfo::active))
                .addObject("provisioningEnabled", user.company().provisioningEnabled())
                .addObject("managed", lock.managedByIdentityProvider(user.company()))
                .addObject("events", events)
                .addObject("status", filter)
                .addObject("provisionedUsers", provisionedUsers)
                .addObject("provisionedGroups", provisionedGroups)
                .addObject("entityId", endpoints.metadataUrl(user.companyId()))
                .addObject("replyUrl", endpoints.acsUrl(user.companyId()));
    }

    private static Predicate<ProvisioningEvent> statusFilter(String filter) {
        return switch (filter) {
            case "ok" -> e -> e.status() < 400;
            case "failed" -> e -> e.status() >= 400;
            default -> e -> true;
        };
    }
}
