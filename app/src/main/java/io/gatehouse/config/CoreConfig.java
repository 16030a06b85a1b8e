package io.gatehouse.config;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

    /** The one JSON mapper (SCIM bodies, Spring MVC's request and response bodies); see StorableStrings. */
    @Bean
    JsonMapper scimJsonMapper() {
        return JsonMapper.builder()
                .addModule(new SimpleModule("storable-strings").addDeserializer(String.class, new StorableStrings()))
                .build();
    }
}
