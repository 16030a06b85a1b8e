package io.gatehouse.console;

import io.gatehouse.access.Permission;
import io.gatehouse.audit.AuditLog;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** Audit log: who changed SSO settings, tokens, grants and permissions of the company, and when. */
@Controller
class AuditController {

    static final int LIMIT = 200;

    private final ConsolePages pages;
    private final AuditLog audit;

    AuditController(ConsolePages pages, AuditLog audit) {
        this.pages = pages;
        this.audit = audit;
    }

    @GetMapping("/console/audit")
    ModelAndView page(Authentication authentication) {
        ConsoleUser user = pages.require(authentication, Permission.MANAGE_COMPANY_SETTINGS);
        return pages.page(user, "console/audit", "audit")
                .addObject("events", audit.recent(user.companyId(), LIMIT))
                .addObject("limit", LIMIT);
    }
}
