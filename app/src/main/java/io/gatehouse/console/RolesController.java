package io.gatehouse.console;

import io.gatehouse.access.Actor;
import io.gatehouse.access.AdminCoverage;
import io.gatehouse.access.AdminEntry;
import io.gatehouse.access.CompanyAdmins;
import io.gatehouse.access.CompanyRole;
import io.gatehouse.access.CompanyRoles;
import io.gatehouse.access.Grantable;
import io.gatehouse.access.Grantee;
import io.gatehouse.access.GrantRecord;
import io.gatehouse.access.Permission;
import io.gatehouse.directory.GroupRecord;
import io.gatehouse.directory.GroupRepository;
import io.gatehouse.directory.UserRepository;
import io.gatehouse.tenancy.Feature;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Roles and permissions: every company-wide grant, granting and revoking Administrator or single permissions
 * to users and user groups through {@link CompanyRoles} (whose rules apply), and the admin coverage warning.
 */
@Controller
class RolesController {

    static final int GROUP_LIMIT = 200;

    /** A grantable as the forms name it. */
    record Choice(String value, String label) {}

    /** A grant as the page shows it. */
    /** {@code revocable}: the signed-in user may revoke it (protected break-glass grants and others are not). */
    record GrantRow(String granteeKind, String granteeId, String granteeName, String grant, String grantLabel,
                    boolean revocable) {}

    private final ConsolePages pages;
    private final CompanyRoles roles;
    private final AdminCoverage coverage;
    private final UserRepository users;
    private final GroupRepository groups;
    private final CompanyAdmins admins;

    RolesController(ConsolePages pages, CompanyRoles roles, AdminCoverage coverage, UserRepository users,
                    GroupRepository groups, CompanyAdmins admins) {
        this.admins = admins;
        this.pages = pages;
        this.roles = roles;
        this.coverage = coverage;
        this.users = users;
        this.groups = groups;
    }

    @GetMapping("/console/roles")
    ModelAndView page(Authentication authentication) {
        ConsoleUser user = pages.requireAny(authentication, Permission.MANAGE_USERS, Permission.MANAGE_USER_GROUPS);
        Set<Permission> held = pages.permissions(user);
        Set<UUID> protectedAdmins = admins.list(user.companyId()).stream().filter(AdminEntry::breakGlass)
                .map(AdminEntry::userId).collect(Collectors.toSet());
        List<GrantRow> rows = roles.grants(user.companyId(), Actor.user(user.userId())).stream()
                .map(g -> row(g, held, protectedAdmins)).toList();
        boolean groupsInPlan = user.company().has(Feature.USER_GROUPS);
        List<GroupRecord> groupList = groupsInPlan && held.contains(Permission.MANAGE_USER_GROUPS)
                ? groups.search(user.companyId(), null, List.of(), "g.display_name_ci", 0, GROUP_LIMIT).items()
                : List.of();
        return pages.page(user, "console/roles", "roles")
                .addObject("grants", rows)
                .addObject("choices", choices(held))
                .addObject("groupsInPlan", groupsInPlan)
                .addObject("groupList", groupList)
                .addObject("coverageWarning", coverage.check(user.companyId()).warning());
    }

    @PostMapping("/console/roles/grant")
    ModelAndView grant(Authentication authentication, @RequestParam(required = false) String granteeKind,
                       @RequestParam(required = false) String grantee, @RequestParam(required = false) String grant) {
        ConsoleUser user = pages.signedIn(authentication);
        roles.grant(user.companyId(), Actor.user(user.userId()), grantee(user, granteeKind, grantee),
                grantable(grant));
        return new ModelAndView("redirect:/console/roles");
    }

    @PostMapping("/console/roles/revoke")
    ModelAndView revoke(Authentication authentication, @RequestParam(required = false) String granteeKind,
                        @RequestParam(required = false) String grantee, @RequestParam(required = false) String grant) {
        ConsoleUser user = pages.signedIn(authentication);
        roles.revoke(user.companyId(), Actor.user(user.userId()), grantee(user, granteeKind, grantee),
                grantable(grant));
        return new ModelAndView("redirect:/console/roles");
    }

    /** A user by id or user name (email), a group by id. */
    Grantee grantee(ConsoleUser user, String kind, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Choose a user or a user group.");
        }
        String v = value.trim();
        if ("group".equals(kind)) {
            return Grantee.group(Ids.parse(v));
        }
        if (!"user".equals(kind)) {
            throw new IllegalArgumentException("Choose a user or a user group.");
        }
        if (v.contains("@")) {
            return Grantee.user(users.findByUserName(user.companyId(), v)
                    .orElseThrow(() -> new IllegalArgumentException("There is no user " + v + " in your company."))
                    .id());
        }
        return Grantee.user(Ids.parse(v));
    }

    static Grantable grantable(String value) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (CompanyRole r : CompanyRole.values()) {
            if (r.name().equals(v)) {
                return r;
            }
        }
        for (Permission p : Permission.values()) {
            if (p.name().equals(v)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Choose Administrator or one permission.");
    }

    /** What the user may grant: only what they hold themselves (CompanyRoles' rule 2). */
    static List<Choice> choices(Set<Permission> held) {
        java.util.ArrayList<Choice> list = new java.util.ArrayList<>();
        for (CompanyRole r : CompanyRole.values()) {
            if (held.containsAll(r.permissions())) {
                list.add(new Choice(r.name(), r.label()));
            }
        }
        for (Permission p : Permission.values()) {
            if (held.contains(p)) {
                list.add(new Choice(p.name(), p.label()));
            }
        }
        return list;
    }

    private static String name(Grantable g) {
        return g instanceof CompanyRole r ? r.name() : ((Permission) g).name();
    }

    private static String label(Grantable g) {
        return g instanceof CompanyRole r ? r.label() : ((Permission) g).label();
    }

    static GrantRow row(GrantRecord g, Set<Permission> held, Set<UUID> protectedAdmins) {
        boolean group = g.grantee() instanceof Grantee.Group;
        boolean revocable = held.contains(group ? Permission.MANAGE_USER_GROUPS : Permission.MANAGE_USERS)
                && held.containsAll(g.grant().permissions())
                && !(g.grant() == CompanyRole.ADMINISTRATOR && protectedAdmins.contains(g.grantee().id()));
        return new GrantRow(group ? "group" : "user", g.grantee().id().toString(), g.granteeDisplay(),
                name(g.grant()), label(g.grant()), revocable);
    }
}
