package io.gatehouse.supportconsole;

import io.gatehouse.web.TemplatePages;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts {@link SupportAccess} in front of every support page but the sign-in form, and {@link CompanyPagesRefusal}
 * in front of the company pages.
 */
@Configuration
class SupportWebConfig implements WebMvcConfigurer {

    private final TemplatePages pages;

    SupportWebConfig(TemplatePages pages) {
        this.pages = pages;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SupportAccess()).addPathPatterns("/support", "/support/**")
                .excludePathPatterns("/support/sign-in");
        registry.addInterceptor(new CompanyPagesRefusal(pages)).order(Ordered.HIGHEST_PRECEDENCE)
                .addPathPatterns("/console", "/console/**", "/app", "/app/**").excludePathPatterns("/console/assets/**");
    }
}
