package io.gatehouse.supportconsole;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link SupportAccess} in front of every support page but the sign-in form. */
@Configuration
class SupportWebConfig implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SupportAccess()).addPathPatterns("/support", "/support/**")
                .excludePathPatterns("/support/sign-in");
    }
}
