package io.gatehouse.config;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

@Configuration
@EnableScheduling
@EnableConfigurationProperties(GatehouseProperties.class)
class CoreConfig {

    /**
     * The one clock; tests replace it to pin time. It ticks in microseconds, the precision both databases
     * store, so a timestamp answered at creation equals the one read back later.
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
    }

    /**
     * The application's one JsonMapper (SCIM bodies, Spring MVC's request and response bodies, so Boot's own backs
     * off). Strings are checked as storable (see StorableStrings). The mixin makes a {@link ProblemDetail} serialize
     * as RFC 9457 says, with its extension members at the top level rather than nested under "properties" (the
     * product API's problem+json).
     */
    @Bean
    JsonMapper scimJsonMapper() {
        return JsonMapper.builder()
                .addModule(new SimpleModule("storable-strings").addDeserializer(String.class, new StorableStrings()))
                .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
                .build();
    }
}
