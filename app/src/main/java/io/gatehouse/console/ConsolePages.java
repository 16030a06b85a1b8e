package io.gatehouse.console;

import io.gatehouse.access.AccessPolicy;
import io.gatehouse.access.Permission;
import io.gatehouse.oidc.OidcSettings;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one entry of every console page: resolves the signed-in user and checks the page's permission through
 * {@link AccessPolicy}, then starts the page model with what the shared layout (navigation) needs.
 */
@Component
class ConsolePages {

    private final CurrentUser current;
    private final AccessPolicy policy;
    private final OidcSettings oidcSettings;

    ConsolePages(CurrentUser current, AccessPolicy policy, OidcSettings oidcSettings) {
        this.current = current;
        this.policy = policy;
        this.oidcSettings = oidcSettings;
    }

    /** @throws io.gatehouse.access.AccessDeniedException when the user lacks {@code permission} */
    ConsoleUser require(Authentication authentication, Permission permission) {
        ConsoleUser user = current.require(authentication);
        policy.require(user.companyId(), user.userId(), permission);
        return user;
    }

    /** @throws io.gatehouse.access.AccessDeniedException when the user holds none of {@code any} (names the first) */
    ConsoleUser requireAny(Authentication authentication, Permission... any) {
        ConsoleUser user = current.require(authentication);
        Set<Permission> held = permissions(user);
        for (Permission p : any) {
            if (held.contains(p)) {
                return user;
            }
        }
        policy.require(user.companyId(), user.userId(), any[0]);
        return user;
    }

    ConsoleUser signedIn(Authentication authentication) {
        return current.require(authentication);
    }

    Set<Permission> permissions(ConsoleUser user) {
        return policy.permissionsOf(user.companyId(), user.userId());
    }

    ModelAndView page(ConsoleUser user, String view, String section) {
        Set<Permission> held = permissions(user);
        return new ModelAndView(view)
                .addObject("section", section)
                .addObject("companyName", user.company().name())
                .addObject("userName", user.user().userName())
                .addObject("canSettings", held.contains(Permission.MANAGE_COMPANY_SETTINGS))
                .addObject("canUsers", held.contains(Permission.MANAGE_USERS))
                .addObject("canGroups", held.contains(Permission.MANAGE_USER_GROUPS))
                .addObject("held", held)
                // The "approve Sign in with Microsoft" banner, for those who can approve.
                .addObject("oidcAwaitingApproval", held.contains(Permission.MANAGE_COMPANY_SETTINGS)
                        && oidcSettings.of(user.companyId()).awaitingApproval());
    }
}
