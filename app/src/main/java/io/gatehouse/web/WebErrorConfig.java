package io.gatehouse.web;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires the refusal handling of every layer: Tomcat's error report, the outermost filter, Spring MVC. */
@Configuration
class WebErrorConfig implements WebMvcConfigurer {

    private final ObjectProvider<ErrorResponses> errors;

    WebErrorConfig(ObjectProvider<ErrorResponses> errors) {
        this.errors = errors;
    }

    @Bean
    FilterRegistrationBean<ClientFaultFilter> clientFaultFilter(ErrorResponses errors) {
        FilterRegistrationBean<ClientFaultFilter> registration =
                new FilterRegistrationBean<>(new ClientFaultFilter(errors));
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Right inside {@link ClientFaultFilter}, so a malformed form it reads is still answered in the family's format. */
    @Bean
    FilterRegistrationBean<StorableInputFilter> storableInputFilter(ErrorResponses errors) {
        FilterRegistrationBean<StorableInputFilter> registration =
                new FilterRegistrationBean<>(new StorableInputFilter(errors));
        registration.addUrlPatterns("/*"); // the family is decided from the raw path, as for every refusal
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    ContainerErrorReport containerErrorReport() {
        return new ContainerErrorReport(errors);
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, new ClientFaultResolver(errors.getObject()));
    }

    /**
     * Puts {@link ContainerErrorValve} in place of the host's ErrorReportValve. Ordered last, so that it runs after
     * Spring Boot's customizer, which adds a plain ErrorReportValve of its own; and the host is told our class is its
     * error report valve, so that it adds none when it starts.
     */
    static final class ContainerErrorReport
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        private final ObjectProvider<ErrorResponses> errors;

        ContainerErrorReport(ObjectProvider<ErrorResponses> errors) {
            this.errors = errors;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                Pipeline pipeline = host.getPipeline();
                for (Valve valve : pipeline.getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        pipeline.removeValve(valve);
                    }
                }
                pipeline.addValve(new ContainerErrorValve(errors::getObject));
                if (host instanceof StandardHost standard) {
                    standard.setErrorReportValveClass(ContainerErrorValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
