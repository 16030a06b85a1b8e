package io.gatehouse.adminaudit;

import io.gatehouse.audit.AuditLog;
import io.gatehouse.audit.DeploymentAuditLog;
import io.gatehouse.directory.UserRepository;
import io.gatehouse.tenancy.CompanyRepository;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link AdminActionAudit} first around the console, support console and operator API. */
@Configuration
class AdminAuditWebConfig implements WebMvcConfigurer {

    private final AdminActionAudit interceptor;

    AdminAuditWebConfig(AuditLog audit, DeploymentAuditLog deploymentAudit, CompanyRepository companies,
                        UserRepository users) {
        this.interceptor = new AdminActionAudit(audit, deploymentAudit, companies, users);
    }

    /** Notes the failure a handler ended with (what the refusal said), before the other resolvers answer it. */
    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, (request, response, handler, failure) -> {
            request.setAttribute(AdminActionAudit.FAILURE, failure);
            return null;
        });
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor).order(Ordered.HIGHEST_PRECEDENCE)
                .addPathPatterns("/console/**", "/support/**", "/operator/**");
    }
}
