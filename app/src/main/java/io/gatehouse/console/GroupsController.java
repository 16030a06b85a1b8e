package io.gatehouse.console;

import io.gatehouse.access.Actor;
import io.gatehouse.access.CompanyRoles;
import io.gatehouse.access.Grantee;
import io.gatehouse.access.Permission;
import io.gatehouse.access.Spaces;
import io.gatehouse.access.SpaceRole;
import io.gatehouse.directory.GroupRecord;
import io.gatehouse.directory.GroupRepository;
import io.gatehouse.directory.Source;
import io.gatehouse.directory.UserRepository;
import io.gatehouse.tenancy.Feature;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * User groups (a premium feature): the list, a group's members (read-only when provisioned) and the Spaces the
 * group can use, which stay editable while Entra manages the directory, since Spaces are not Entra's.
 */
@Controller
class GroupsController {

    static final int LIST_LIMIT = 200;

    /** A member as the group page shows it. */
    record MemberRow(String userName, String name, boolean active) {}

    /** A Space and the group's role in it (null: no access). */
    record SpaceRow(UUID id, String name, SpaceRole role) {}

    private final ConsolePages pages;
    private final GroupRepository groups;
    private final UserRepository users;
    private final Spaces spaces;
    private final CompanyRoles roles;

    GroupsController(ConsolePages pages, GroupRepository groups, UserRepository users, Spaces spaces,
                     CompanyRoles roles) {
        this.roles = roles;
        this.pages = pages;
        this.groups = groups;
        this.users = users;
        this.spaces = spaces;
    }

    @GetMapping("/console/groups")
    ModelAndView list(Authentication authentication) {
        ConsoleUser user = pages.require(authentication, Permission.MANAGE_USER_GROUPS);
        ModelAndView page = pages.page(user, "console/groups", "groups");
        if (!user.company().has(Feature.USER_GROUPS)) {
            return page.addObject("notInPlan", true).addObject("groups", List.of());
        }
        List<GroupRecord> found = groups.search(user.companyId(), null, List.of(), "g.display_name_ci", 0,
                LIST_LIMIT).items();
        return page.addObject("notInPlan", false).addObject("groups", found);
    }

    @GetMapping("/console/groups/{groupId}")
    ModelAndView group(Authentication authentication, @PathVariable String groupId) {
        ConsoleUser user = pages.require(authentication, Permission.MANAGE_USER_GROUPS);
        GroupRecord group = find(user, groupId);
        List<MemberRow> members = groups.memberIds(user.companyId(), group.id()).stream().limit(LIST_LIMIT)
                .map(id -> users.find(user.companyId(), id).orElse(null))
                .filter(u -> u != null)
                .map(u -> new MemberRow(u.userName(), ConsoleDirectory.name(u), u.active()))
                .toList();
        List<SpaceRow> spaceRows = spaces.forGroup(user.companyId(), Actor.user(user.userId()), group.id()).stream()
                .map(a -> new SpaceRow(a.space().id(), a.space().name(), a.role())).toList();
        Set<Permission> held = pages.permissions(user);
        List<RolesController.GrantRow> roleRows = roles.grants(user.companyId(), Actor.user(user.userId())).stream()
                .filter(g -> g.grantee().id().equals(group.id()))
                .map(g -> RolesController.row(g, held, Set.of())).toList();
        return pages.page(user, "console/group", "groups")
                .addObject("group", group)
                .addObject("groupRoles", roleRows)
                .addObject("choices", RolesController.choices(held))
                .addObject("provisioned", group.source() == Source.SCIM)
                .addObject("members", members)
                .addObject("spaces", spaceRows)
                .addObject("roles", SpaceRole.values());
    }

    @PostMapping("/console/groups/{groupId}/spaces")
    ModelAndView grant(Authentication authentication, @PathVariable String groupId,
                       @RequestParam(required = false) String spaceId, @RequestParam(required = false) String role) {
        ConsoleUser user = pages.require(authentication, Permission.MANAGE_USER_GROUPS);
        GroupRecord group = find(user, groupId);
        Actor actor = Actor.user(user.userId());
        UUID space = Ids.parse(spaceId);
        if (role == null || role.isBlank() || role.equals("NONE")) {
            spaces.revoke(user.companyId(), actor, space, Grantee.group(group.id()));
        } else {
            SpaceRole r;
            try {
                r = SpaceRole.valueOf(role.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Choose Viewer, Editor or Manager.");
            }
            spaces.grant(user.companyId(), actor, space, Grantee.group(group.id()), r);
        }
        return new ModelAndView("redirect:/console/groups/" + group.id());
    }

    /** Grants the group a company role or permission (CompanyRoles: MANAGE_USER_GROUPS, and only what one holds). */
    @PostMapping("/console/groups/{groupId}/roles")
    ModelAndView grantRole(Authentication authentication, @PathVariable String groupId,
                           @RequestParam(required = false) String grant) {
        return changeRole(authentication, groupId, grant, true);
    }

    @PostMapping("/console/groups/{groupId}/roles/revoke")
    ModelAndView revokeRole(Authentication authentication, @PathVariable String groupId,
                            @RequestParam(required = false) String grant) {
        return changeRole(authentication, groupId, grant, false);
    }

    private ModelAndView changeRole(Authentication authentication, String groupId, String grant, boolean add) {
        ConsoleUser user = pages.require(authentication, Permission.MANAGE_USER_GROUPS);
        GroupRecord group = find(user, groupId);
        Grantee grantee = Grantee.group(group.id());
        if (add) {
            roles.grant(user.companyId(), Actor.user(user.userId()), grantee, RolesController.grantable(grant));
        } else {
            roles.revoke(user.companyId(), Actor.user(user.userId()), grantee, RolesController.grantable(grant));
        }
        return new ModelAndView("redirect:/console/groups/" + group.id());
    }

    @PostMapping("/console/spaces")
    ModelAndView createSpace(Authentication authentication, @RequestParam(required = false) String name) {
        ConsoleUser user = pages.require(authentication, Permission.MANAGE_COMPANY_SETTINGS);
        spaces.create(user.companyId(), Actor.user(user.userId()), name);
        return new ModelAndView("redirect:/console/groups");
    }

    private GroupRecord find(ConsoleUser user, String groupId) {
        if (!user.company().has(Feature.USER_GROUPS)) {
            throw new ConsoleErrors.NotFoundException();
        }
        return groups.find(user.companyId(), Ids.parse(groupId)).orElseThrow(ConsoleErrors.NotFoundException::new);
    }
}
