package io.gatehouse.supportconsole;

import io.gatehouse.web.ErrorBody;
import io.gatehouse.web.TemplatePages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A support-team session that opens a company page ({@code /console}, {@code /app}) is refused with a page (403)
 * and left as it is: the company pages would otherwise take it for a company user's session that no longer
 * belongs to an active user and end it, signing the support person out of the support console too.
 */
class CompanyPagesRefusal implements HandlerInterceptor {

    static final String TITLE = "Support session";
    static final String MESSAGE = "You are signed in to the support console. Company settings and Spaces are for "
            + "a company's own people, so they do not open with a support session. You are still signed in to the "
            + "support console: a company's settings are on its page there.";

    private final TemplatePages pages;

    CompanyPagesRefusal(TemplatePages pages) {
        this.pages = pages;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!SupportSessions.isSupportTeam(SecurityContextHolder.getContext().getAuthentication())) {
            return true;
        }
        ErrorBody.Rendered page = pages.render("console/error",
                Map.of("title", TITLE, "message", MESSAGE, "supportSession", true));
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(page.contentType());
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(page.bytes());
        return false;
    }
}
