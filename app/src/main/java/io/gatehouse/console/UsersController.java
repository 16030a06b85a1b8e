package io.gatehouse.console;

import io.gatehouse.access.AdminEntry;
import io.gatehouse.access.CompanyAdmins;
import io.gatehouse.access.Permission;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.directory.DirectoryLock;
import io.gatehouse.directory.Page;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The users of the company; changes only while the directory is managed locally. */
@Controller
class UsersController {

    private final ConsolePages pages;
    private final ConsoleDirectory directory;
    private final DirectoryLock lock;
    private final CompanyAdmins admins;
    private final AuditLog audit;

    UsersController(ConsolePages pages, ConsoleDirectory directory, DirectoryLock lock, CompanyAdmins admins,
                    AuditLog audit) {
        this.audit = audit;
        this.admins = admins;
        this.pages = pages;
        this.directory = directory;
        this.lock = lock;
    }

    @GetMapping("/console/users")
    ModelAndView list(Authentication authentication, @RequestParam(required = false) String q,
                      @RequestParam(required = false) String after, @RequestParam(required = false) String before) {
        ConsoleUser user = pages.require(authentication, Permission.MANAGE_USERS);
        ConsoleDirectory.Listing listing = directory.list(user.companyId(), q, after, before);
        boolean managed = lock.managedByIdentityProvider(user.company());
        return pages.page(user, "console/users", "users")
                .addObject("rows", listing.rows())
                .addObject("total", listing.total())
                .addObject("moreThanTotal", listing.moreThanTotal())
                .addObject("q", q == null ? "" : q)
                .addObject("next", listing.next())
                .addObject("previous", listing.previous())
                .addObject("managed", managed)
                .addObject("selfId", user.userId())
                .addObject("protectedIds", admins.list(user.companyId()).stream().filter(AdminEntry::breakGlass)
                        .map(AdminEntry::userId).collect(java.util.stream.Collectors.toSet()))
                .addObject("managedMessage", DirectoryLock.MANAGED_MESSAGE);
    }

    @PostMapping("/console/users/invite")
    ModelAndView invite(Authentication authentication, @RequestParam(required = false) String email,
                        @RequestParam(required = false) String displayName) {
        ConsoleUser user = pages.require(authentication, Permission.MANAGE_USERS);
        UUID invited = directory.invite(user.companyId(), email, displayName);
        audit.record(user.companyId(), user.user().userName(), "USER_INVITED",
                "invited " + ConsoleDirectory.normalizeEmail(email) + " (" + invited + ")");
        return new ModelAndView("redirect:/console/users?q=" + java.net.URLEncoder.encode(
                ConsoleDirectory.normalizeEmail(email), java.nio.charset.StandardCharsets.UTF_8));
    }

    @PostMapping("/console/users/{userId}/deactivate")
    ModelAndView deactivate(Authentication authentication, @PathVariable String userId) {
        ConsoleUser user = pages.require(authentication, Permission.MANAGE_USERS);
        UUID target = Ids.parse(userId);
        if (target.equals(user.userId())) {
            throw new IllegalArgumentException("You cannot deactivate your own account.");
        }
        if (directory.deactivate(user.companyId(), target)) {
            audit.record(user.companyId(), user.user().userName(), "USER_DEACTIVATED", "user " + target);
        }
        return new ModelAndView("redirect:/console/users");
    }

    /** Reactivates a user deactivated here, while the directory is not managed by the identity provider. */
    @PostMapping("/console/users/{userId}/reactivate")
    ModelAndView reactivate(Authentication authentication, @PathVariable String userId) {
        ConsoleUser user = pages.require(authentication, Permission.MANAGE_USERS);
        UUID target = Ids.parse(userId);
        if (directory.reactivate(user.companyId(), target)) {
            audit.record(user.companyId(), user.user().userName(), "USER_REACTIVATED", "user " + target);
        }
        return new ModelAndView("redirect:/console/users");
    }
}
