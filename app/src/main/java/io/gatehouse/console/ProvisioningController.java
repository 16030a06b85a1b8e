package io.gatehouse.console;

import io.gatehouse.access.Permission;
import io.gatehouse.audit.ProvisioningEvent;
import io.gatehouse.audit.ProvisioningLog;
import io.gatehouse.config.GatehouseProperties;
import io.gatehouse.credentials.TokenInfo;
import io.gatehouse.credentials.TokenService;
import io.gatehouse.directory.DirectoryLock;
import io.gatehouse.directory.GroupRepository;
import io.gatehouse.directory.UserRepository;
import io.gatehouse.saml.SpEndpoints;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Provisioning: what to paste into Entra, the company's SCIM tokens, whether provisioning is on (switched by
 * the support team only), what Entra did (the provisioning log) and the setup guide with this company's values.
 */
@Controller
class ProvisioningController {

    static final int LOG_LIMIT = 200;

    private final ConsolePages pages;
    private final GatehouseProperties properties;
    private final TokenService tokens;
    private final DirectoryLock lock;
    private final ProvisioningLog log;
    private final UserRepository users;
    private final GroupRepository groups;
    private final SpEndpoints endpoints;

    ProvisioningController(ConsolePages pages, GatehouseProperties properties, TokenService tokens,
                           DirectoryLock lock, ProvisioningLog log, UserRepository users, GroupRepository groups,
                           SpEndpoints endpoints) {
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
    ModelAndView page(Authentication authentication, @RequestParam(defaultValue = "all") String status) {
        ConsoleUser user = pages.require(authentication, Permission.MANAGE_COMPANY_SETTINGS);
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
