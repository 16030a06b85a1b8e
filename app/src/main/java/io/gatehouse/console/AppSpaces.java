package io.gatehouse.console;

import io.gatehouse.access.Spaces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Adds the signed-in person's Spaces (Spaces.spacesOf) to the landing page at /app, which the sign-in
 * feature renders; and whether a console link applies.
 */
@Configuration
class AppSpaces implements WebMvcConfigurer {

    private final CurrentUser current;
    private final Spaces spaces;

    AppSpaces(CurrentUser current, Spaces spaces) {
        this.current = current;
        this.spaces = spaces;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                                   ModelAndView mav) {
                if (mav == null || !"saml/app".equals(mav.getViewName())) {
                    return;
                }
                current.find(SecurityContextHolder.getContext().getAuthentication()).ifPresent(user ->
                        mav.addObject("spaces", spaces.spacesOf(user.companyId(), user.userId())));
            }
        }).addPathPatterns("/app");
    }
}
