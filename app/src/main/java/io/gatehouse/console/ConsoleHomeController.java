package io.gatehouse.console;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** The console's start page: what this person may manage, or a pointer to their Spaces. */
@Controller
class ConsoleHomeController {

    private final ConsolePages pages;

    ConsoleHomeController(ConsolePages pages) {
        this.pages = pages;
    }

    @GetMapping({"/console", "/console/"})
    ModelAndView home(Authentication authentication) {
        ConsoleUser user = pages.signedIn(authentication);
        return pages.page(user, "console/home", "home");
    }
}
