package io.gatehouse.saml;

import io.gatehouse.secrets.SealedColumn;
import io.gatehouse.web.ErrorBody;
import io.gatehouse.web.PathFamily;
import io.gatehouse.web.Refusal;
import io.gatehouse.web.TemplatePages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class SamlWebConfig {

    /** For the re-sealer: every SP private key, and the plain ones V3 stored (sealed at every start). */
    @Bean
    SealedColumn samlSpPrivateKeys() {
        return new SealedColumn(SpKeys.PURPOSE, "saml_sp_credential", "id", "private_key_sealed", "private_key_pkcs8");
    }

    /** Ahead of Spring Session and Spring Security: an oversized body is refused before any work. */
    @Bean
    FilterRegistrationBean<AcsSizeLimitFilter> acsSizeLimitFilter() {
        FilterRegistrationBean<AcsSizeLimitFilter> registration = new FilterRegistrationBean<>(new AcsSizeLimitFilter());
        registration.addUrlPatterns("/saml/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** Refusals of the container, firewall or error page on a sign-in path: the sign-in refusal page. */
    @Bean
    ErrorBody signInErrorPage(TemplatePages pages) {
        return new ErrorBody() {
            @Override
            public PathFamily family() {
                return PathFamily.SIGN_IN;
            }

            @Override
            public Rendered render(HttpServletRequest request, Refusal refusal) {
                return pages.render("saml/refused",
                        Map.of("page", new RefusalPage(refusal.title(), refusal.detail(), null, null, null)));
            }
        };
    }
}
