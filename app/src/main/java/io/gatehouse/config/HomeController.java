package io.gatehouse.config;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A plain landing response so that the root URL says what this service is. */
@RestController
class HomeController {

    private final GatehouseProperties properties;

    HomeController(GatehouseProperties properties) {
        this.properties = properties;
    }

    @GetMapping(value = "/", produces = MediaType.TEXT_PLAIN_VALUE)
    String home() {
        return properties.productName() + ": enterprise identity (SCIM 2.0 at /scim/v2, operator API at /operator/v1).\n";
    }
}
