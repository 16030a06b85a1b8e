package io.gatehouse.console;

import io.gatehouse.access.AccessDeniedException;
import io.gatehouse.access.CompanyRoles;
import io.gatehouse.access.FeatureNotInPlanException;
import io.gatehouse.access.LastAdministratorException;
import io.gatehouse.access.NotInCompanyException;
import io.gatehouse.access.ProtectedAdminException;
import io.gatehouse.directory.DirectoryLock;
import io.gatehouse.web.ErrorBody;
import io.gatehouse.web.PathFamily;
import io.gatehouse.web.Refusal;
import io.gatehouse.web.TemplatePages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * How the console answers refusals: a page with a heading and the reason, and the right status. As the console
 * family's {@link ErrorBody} the same page answers the refusals of every other layer on a console path (a POST
 * without its CSRF token, a malformed address or query string; see the web package).
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
class ConsoleErrors implements ErrorBody {

    private final TemplatePages pages;

    ConsoleErrors(TemplatePages pages) {
        this.pages = pages;
    }

    /** An id that is not one of the signed-in company's. */
    static class NotFoundException extends RuntimeException {
        NotFoundException() {
            super("not found");
        }
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(AccessDeniedException e) {
        return page(HttpStatus.FORBIDDEN, "Access denied", e.getMessage());
    }

    @ExceptionHandler({NotFoundException.class, NotInCompanyException.class})
    ModelAndView notFound() {
        return page(HttpStatus.NOT_FOUND, "Not found", "There is no such page in your company.");
    }

    @ExceptionHandler(DirectoryLock.DirectoryManagedException.class)
    ModelAndView managed(DirectoryLock.DirectoryManagedException e) {
        return page(HttpStatus.CONFLICT, "Managed in Microsoft Entra ID", e.getMessage());
    }

    @ExceptionHandler(ProtectedAdminException.class)
    ModelAndView protectedAdmin(ProtectedAdminException e) {
        return page(HttpStatus.CONFLICT, "Protected account", CompanyRoles.BREAK_GLASS_ROLE.equals(e.getMessage())
                ? e.getMessage() : "This account is the company's break-glass administrator, created by the support "
                + "team. It cannot be deactivated here; ask the support team to retire it. Nothing was changed.");
    }

    @ExceptionHandler(LastAdministratorException.class)
    ModelAndView lastAdministrator(LastAdministratorException e) {
        return page(HttpStatus.CONFLICT, "Last administrator", e.getMessage());
    }

    @ExceptionHandler(FeatureNotInPlanException.class)
    ModelAndView notInPlan(FeatureNotInPlanException e) {
        return page(HttpStatus.FORBIDDEN, "Not in your plan", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ModelAndView badRequest(IllegalArgumentException e) {
        return page(HttpStatus.BAD_REQUEST, "That did not work", e.getMessage());
    }

    @ExceptionHandler(CurrentUser.SignedOutException.class)
    ModelAndView signedOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return new ModelAndView("redirect:/login?target="
                + URLEncoder.encode(request.getRequestURI(), StandardCharsets.UTF_8));
    }

    @Override
    public PathFamily family() {
        return PathFamily.CONSOLE;
    }

    @Override
    public Rendered render(HttpServletRequest request, Refusal refusal) {
        return pages.render("console/error", Map.of("title", refusal.title(), "message", refusal.detail()));
    }

    private static ModelAndView page(HttpStatus status, String title, String message) {
        ModelAndView mav = new ModelAndView("console/error").addObject("title", title).addObject("message", message);
        mav.setStatus(status);
        return mav;
    }
}
