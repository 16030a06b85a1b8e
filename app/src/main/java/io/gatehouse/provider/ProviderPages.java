package io.gatehouse.provider;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** The provider's product pages (a refusal on the way to a company's sign-in), rendered outside Spring MVC. */
@Component
class ProviderPages {

    private final TemplateEngine templates;

    ProviderPages(TemplateEngine templates) {
        this.templates = templates;
    }

    void refuse(HttpServletResponse response, int status, String title, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(templates.process("provider/refused",
                new Context(Locale.ENGLISH, Map.of("title", title, "message", message))));
    }
}
