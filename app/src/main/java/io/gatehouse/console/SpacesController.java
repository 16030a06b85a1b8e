package io.gatehouse.console;

import io.gatehouse.access.Actor;
import io.gatehouse.access.Grantee;
import io.gatehouse.access.Space;
import io.gatehouse.access.SpaceGrant;
import io.gatehouse.access.Spaces;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The company's Spaces: who has access to each, create, rename, archive and restore. The rules are
 * {@link Spaces}' own (company settings for the list, create and restore; a Space's managers may also rename
 * and archive it); its refusals are answered by {@link ConsoleErrors}.
 */
@Controller
class SpacesController {

    /** One grant of a Space as the page shows it. */
    record AccessRow(String name, String kind, String role) {}

    /** A Space with who has access. */
    record SpaceRow(Space space, List<AccessRow> access) {}

    private final ConsolePages pages;
    private final Spaces spaces;

    SpacesController(ConsolePages pages, Spaces spaces) {
        this.pages = pages;
        this.spaces = spaces;
    }

    @GetMapping("/console/spaces")
    ModelAndView list(Authentication authentication) {
        ConsoleUser user = pages.signedIn(authentication);
        Actor actor = Actor.user(user.userId());
        List<SpaceRow> rows = spaces.all(user.companyId(), actor).stream()
                .map(s -> new SpaceRow(s, spaces.grants(user.companyId(), actor, s.id()).stream()
                        .map(SpacesController::row).toList()))
                .toList();
        return pages.page(user, "console/spaces", "spaces").addObject("spaces", rows);
    }

    @PostMapping("/console/spaces/create")
    ModelAndView create(Authentication authentication, @RequestParam(required = false) String name) {
        ConsoleUser user = pages.signedIn(authentication);
        spaces.create(user.companyId(), Actor.user(user.userId()), name);
        return back();
    }

    @PostMapping("/console/spaces/{spaceId}/rename")
    ModelAndView rename(Authentication authentication, @PathVariable String spaceId,
                        @RequestParam(required = false) String name) {
        ConsoleUser user = pages.signedIn(authentication);
        spaces.rename(user.companyId(), Actor.user(user.userId()), Ids.parse(spaceId), name);
        return back();
    }

    @PostMapping("/console/spaces/{spaceId}/archive")
    ModelAndView archive(Authentication authentication, @PathVariable String spaceId) {
        ConsoleUser user = pages.signedIn(authentication);
        spaces.archive(user.companyId(), Actor.user(user.userId()), Ids.parse(spaceId));
        return back();
    }

    @PostMapping("/console/spaces/{spaceId}/restore")
    ModelAndView restore(Authentication authentication, @PathVariable String spaceId) {
        ConsoleUser user = pages.signedIn(authentication);
        spaces.restore(user.companyId(), Actor.user(user.userId()), Ids.parse(spaceId));
        return back();
    }

    private static AccessRow row(SpaceGrant g) {
        String role = g.role().name();
        return new AccessRow(g.granteeDisplay(), g.grantee() instanceof Grantee.Group ? "Group" : "User",
                role.charAt(0) + role.substring(1).toLowerCase(java.util.Locale.ROOT));
    }

    private static ModelAndView back() {
        return new ModelAndView("redirect:/console/spaces");
    }
}
