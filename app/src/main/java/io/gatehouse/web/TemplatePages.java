package io.gatehouse.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders an error page template outside Spring MVC (a valve or a security handler has no view resolution).
 * The error templates use plain expressions only, no request-bound ones such as {@code @{...}} links.
 */
@Component
public class TemplatePages {

    private static final String HTML = "text/html;charset=UTF-8";

    private final ITemplateEngine templates;

    TemplatePages(ITemplateEngine templates) {
        this.templates = templates;
    }

    public ErrorBody.Rendered render(String template, Map<String, Object> model) {
        String html = templates.process(template, new Context(Locale.ENGLISH, model));
        return new ErrorBody.Rendered(HTML, html.getBytes(StandardCharsets.UTF_8));
    }
}
