package io.gatehouse.supportconsole;

import io.gatehouse.access.LastAdministratorException;
import io.gatehouse.access.NotInCompanyException;
import io.gatehouse.access.ProvisionedUserConflictException;
import io.gatehouse.application.ApplicationConflictException;
import io.gatehouse.application.InvalidApplicationException;
import io.gatehouse.application.UnknownApplicationException;
import io.gatehouse.saml.EmailDomains;
import io.gatehouse.web.ErrorBody;
import io.gatehouse.web.PathFamily;
import io.gatehouse.web.Refusal;
import io.gatehouse.web.TemplatePages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * How the support console answers refusals: a page with a heading and the reason, and the right status; as the
 * support family's {@link ErrorBody} also for the refusals of every other layer on a {@code /support} path.
 */
@ControllerAdvice(basePackageClasses = SupportErrors.class)
class SupportErrors implements ErrorBody {

    private final TemplatePages pages;

    SupportErrors(TemplatePages pages) {
        this.pages = pages;
    }

    /** A company, application or token id that does not exist (or is not the company's or application's). */
    static class NotFoundException extends RuntimeException {
        NotFoundException() {
            super("not found");
        }
    }

    @ExceptionHandler(SupportAccess.NotSupportTeamException.class)
    ModelAndView notSupportTeam() {
        return page(HttpStatus.FORBIDDEN, "Support team only", "This is the support team's console. You are "
                + "signed in to a company; its settings are under Company settings.").addObject("companyUser", true);
    }

    @ExceptionHandler({NotFoundException.class, NotInCompanyException.class, UnknownApplicationException.class})
    ModelAndView notFound() {
        return page(HttpStatus.NOT_FOUND, "Not found", "There is no such company, application or token.");
    }

    @ExceptionHandler(ApplicationConflictException.class)
    ModelAndView applicationConflict(ApplicationConflictException e) {
        return page(HttpStatus.CONFLICT, "Not possible now", e.getMessage());
    }

    @ExceptionHandler(EmailDomains.DomainTakenException.class)
    ModelAndView domainTaken(EmailDomains.DomainTakenException e) {
        return page(HttpStatus.CONFLICT, "Domain in use", e.getMessage());
    }

    @ExceptionHandler(ProvisionedUserConflictException.class)
    ModelAndView provisioned(ProvisionedUserConflictException e) {
        return page(HttpStatus.CONFLICT, "Provisioned user", e.getMessage());
    }

    @ExceptionHandler(LastAdministratorException.class)
    ModelAndView lastAdministrator(LastAdministratorException e) {
        return page(HttpStatus.CONFLICT, "Last administrator", e.getMessage());
    }

    /** A refused application setting, with the form field at fault named as the operator API names it. */
    @ExceptionHandler(InvalidApplicationException.class)
    ModelAndView invalidApplication(InvalidApplicationException e) {
        return page(HttpStatus.BAD_REQUEST, "That did not work", e.getMessage()).addObject("field", e.field());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ModelAndView badRequest(IllegalArgumentException e) {
        return page(HttpStatus.BAD_REQUEST, "That did not work", e.getMessage());
    }

    @Override
    public PathFamily family() {
        return PathFamily.SUPPORT;
    }

    @Override
    public Rendered render(HttpServletRequest request, Refusal refusal) {
        return pages.render("support/error", Map.of("title", refusal.title(), "message", refusal.detail()));
    }

    private static ModelAndView page(HttpStatus status, String title, String message) {
        ModelAndView mav = new ModelAndView("support/error").addObject("title", title).addObject("message", message);
        mav.setStatus(status);
        return mav;
    }
}
