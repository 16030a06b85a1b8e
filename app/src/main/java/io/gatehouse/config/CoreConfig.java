package io.gatehouse.config;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.json.JsonMapper;

@Configuration
@EnableScheduling
@EnableConfigurationProperties(GatehouseProperties.class)
class CoreConfig {

    /** The one clock; tests replace it to pin time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    JsonMapper scimJsonMapper() {
        return JsonMapper.builder().build();
    }
}
