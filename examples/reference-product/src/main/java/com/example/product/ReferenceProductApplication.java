package com.example.product;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * A small SaaS product wired to Gatehouse the way a product team would do it (README.md): "Sign in with your
 * company" through Gatehouse's OpenID Connect front door (Spring Security oauth2Login), the product API for the
 * Spaces a user may open, signed webhooks for a local copy of the users, and back-channel logout.
 */
@SpringBootApplication
@EnableConfigurationProperties(GatehouseSettings.class)
public class ReferenceProductApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReferenceProductApplication.class, args);
    }
}
