package io.gatehouse.adminaudit;

import io.gatehouse.audit.AuditLog;
import io.gatehouse.audit.DeploymentAuditLog;
import io.gatehouse.directory.UserRecord;
import io.gatehouse.directory.UserRepository;
import io.gatehouse.saml.SignedInUser;
import io.gatehouse.tenancy.CompanyId;
import io.gatehouse.tenancy.CompanyRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Rule: every state-changing admin action writes one audit entry with actor, company, action, target and outcome,
 * refusals included. The services write the entries of what they change (in their transaction, with their own
 * details); this interceptor, around every route of {@link AuditedRoutes}:
 * <ul>
 *   <li>before the handler, puts the route's target (its path variables and naming form fields) on the request,
 *       so that the service's entry carries it ({@link AuditLog#TARGET});</li>
 *   <li>after a refusal (status 4xx/5xx), writes a REFUSED entry on its own (the refused change's transaction,
 *       and any entry in it, were rolled back) with the reason;</li>
 *   <li>after a success that no service recorded (an idempotent no-op, say), writes a SUCCESS entry.</li>
 * </ul>
 * Refusals before Spring MVC (no session, a missing CSRF token, a wrong operator token) have no admin behind them
 * and are not audit entries; they are logged by web.ErrorResponses.
 */
class AdminActionAudit implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AdminActionAudit.class);
    /** Form fields that name what an action is about (never a secret: no token, password or key field). */
    private static final List<String> NAMING_FIELDS = List.of("granteeKind", "grantee", "grant", "email", "spaceId",
            "role", "domain", "plan", "enabled", "companyId", "name", "displayName");
    private static final int MAX_REASON = 300;
    static final String FAILURE = AdminActionAudit.class.getName() + ".failure";

    private final AuditLog audit;
    private final DeploymentAuditLog deploymentAudit;
    private final CompanyRepository companies;
    private final UserRepository users;

    AdminActionAudit(AuditLog audit, DeploymentAuditLog deploymentAudit, CompanyRepository companies,
                     UserRepository users) {
        this.audit = audit;
        this.deploymentAudit = deploymentAudit;
        this.companies = companies;
        this.users = users;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (route(request, handler) != null) {
            request.setAttribute(AuditLog.TARGET, target(request));
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        AuditedRoutes.Audited route = route(request, handler);
        if (route == null) {
            return;
        }
        boolean refused = ex != null || response.getStatus() >= 400;
        if (!refused && request.getAttribute(AuditLog.RECORDED) != null) {
            return;
        }
        String outcome = refused ? AuditLog.REFUSED : AuditLog.SUCCESS;
        String detail = refused ? "Refused (" + response.getStatus() + ")" + reason(request, ex) : AuditLog.NO_CHANGE;
        try {
            write(request, route, outcome, detail);
        } catch (RuntimeException e) {
            log.error("Audit entry of {} {} not written", request.getMethod(), request.getRequestURI(), e);
        }
    }

    private void write(HttpServletRequest request, AuditedRoutes.Audited route, String outcome, String detail) {
        Map<String, String> vars = variables(request);
        String target = (String) request.getAttribute(AuditLog.TARGET);
        switch (route.scope()) {
            case SESSION_COMPANY -> companyUser().ifPresent(user ->
                    audit.record(user.company(), users.find(user.company(), user.userId()).map(UserRecord::userName)
                            .orElse("user " + user.userId()), route.action(), target, outcome, detail));
            case PATH_COMPANY -> {
                Optional<CompanyId> company = CompanyId.parse(vars.get("id")).filter(c -> companies.find(c).isPresent());
                if (company.isPresent()) {
                    audit.record(company.get(), AuditLog.SUPPORT_TEAM, route.action(), target, outcome, detail);
                } else {
                    deploymentAudit.record("company", vars.get("id"), AuditLog.SUPPORT_TEAM, route.action(), outcome,
                            detail + " (no such company)");
                }
            }
            case NEW_COMPANY -> deploymentAudit.record("company", null, AuditLog.SUPPORT_TEAM, route.action(),
                    outcome, detail + fields(request));
            case APPLICATION -> deploymentAudit.record(DeploymentAuditLog.APPLICATION, vars.get("id"),
                    AuditLog.SUPPORT_TEAM, route.action(), outcome, detail + (target.isEmpty() ? "" : " " + target));
            case SUPPORT_SESSION -> deploymentAudit.record("support-session", null, AuditLog.SUPPORT_TEAM,
                    route.action(), outcome, detail + " from " + request.getRemoteAddr());
            case DEPLOYMENT -> deploymentAudit.record("deployment", null, AuditLog.SUPPORT_TEAM, route.action(),
                    outcome, detail + fields(request));
        }
    }

    private static AuditedRoutes.Audited route(HttpServletRequest request, Object handler) {
        if (!(handler instanceof HandlerMethod)) {
            return null;
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern == null ? null : AuditedRoutes.ROUTES.get(request.getMethod() + " " + pattern);
    }

    private static Optional<SignedInUser> companyUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return SignedInUser.parse(authentication == null ? null : authentication.getName());
    }

    /** "userId=…, grant=…": path variables but the company or application {id} (the entry's subject). */
    private static String target(HttpServletRequest request) {
        StringJoiner out = new StringJoiner(", ");
        variables(request).forEach((name, value) -> {
            if (!"id".equals(name)) {
                out.add(name + "=" + value);
            }
        });
        String fields = fields(request);
        return out + (out.length() > 0 && !fields.isEmpty() ? "," : "") + fields;
    }

    private static String fields(HttpServletRequest request) {
        StringBuilder out = new StringBuilder();
        for (String name : NAMING_FIELDS) {
            String value = request.getParameter(name);
            if (value != null && !value.isBlank()) {
                out.append(' ').append(name).append('=').append(value.strip());
            }
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> variables(HttpServletRequest request) {
        Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return vars instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }

    /** The handled exception's message: what the person was told. */
    private static String reason(HttpServletRequest request, Exception ex) {
        Object failure = ex != null ? ex : request.getAttribute(FAILURE);
        if (!(failure instanceof Throwable t) || t.getMessage() == null) {
            return ".";
        }
        String message = t.getMessage();
        return ": " + (message.length() > MAX_REASON ? message.substring(0, MAX_REASON) + "…" : message);
    }
}
