package io.gatehouse.api;

import io.gatehouse.application.ApplicationPrincipal;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashSet;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 document of the product API at {@code /api/v1/openapi.json} (springdoc, from the routes of this
 * package; settings in application.properties). Read without a key (ApiKeyFilter lets exactly this path through):
 * it holds no company's data, and a product team generates its client from it before it has a key. Added here:
 * the bearer scheme every route requires, and the RFC 9457 problem answers every route may give.
 */
@Configuration
class ApiDocsConfig {

    static final String DOCUMENT_PATH = "/api/v1/openapi.json";
    static final String SCHEME = "applicationKey";
    private static final String PROBLEM = "Problem";

    static {
        // The caller is resolved from the API key, not from a request parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(ApplicationPrincipal.class);
    }

    @Bean
    OpenAPI productApiDocument(io.gatehouse.config.GatehouseProperties properties) {
        return new OpenAPI()
                .info(new Info().title(properties.productName() + " product API").version("v1").description("""
                        The directory and access decisions of the companies an application serves. Every route \
                        takes the application's API key as a bearer token. A company the application does not \
                        serve answers exactly as one that does not exist (404). Listings are in creation order and \
                        paged with after=<nextCursor of the previous page> and limit=1..1000 (default 100)."""))
                .components(new Components()
                        .addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("gh_key_…")
                                .description("An API key of the application, issued by the operator (shown once).")))
                .addSecurityItem(new SecurityRequirement().addList(SCHEME));
    }

    /** The problem answers of every operation: 400 for a bad parameter, 401 without a valid key, 404, 503. */
    @Bean
    OpenApiCustomizer problemResponses() {
        // Added here, with the references to it: springdoc drops component schemas it did not generate itself.
        return api -> {
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
                addProblem(operation, "400", "A parameter is not valid; the problem's parameter member names it.");
                addProblem(operation, "401", "No valid API key (unknown, revoked, or of a disabled application).");
                if (path.contains("{") || path.endsWith("/check")) {
                    addProblem(operation, "404", "Not found, or not of a company this application serves.");
                }
                addProblem(operation, "503", "The service is busy; retry after the Retry-After seconds.");
            }));
        };
    }

    private static void addProblem(Operation operation, String status, String description) {
        operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                .content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    private static Schema<Object> problemSchema() {
        return typed("object").description("An RFC 9457 problem detail (application/problem+json).")
                .addProperty("type", string("A URI reference identifying the problem type; about:blank here."))
                .addProperty("title", string("The HTTP reason phrase of the status."))
                .addProperty("status", typed("integer").description("The HTTP status code."))
                .addProperty("detail", string("What went wrong, for a person."))
                .addProperty("instance", string("The request path."))
                .addProperty("parameter", string("The query or path parameter at fault (400 only)."));
    }

    /** OpenAPI 3.1 schemas carry their JSON Schema type as a set. */
    @SuppressWarnings("unchecked")
    private static Schema<Object> typed(String type) {
        return new Schema<>().types(new LinkedHashSet<>(List.of(type)));
    }

    private static Schema<?> string(String description) {
        return typed("string").description(description);
    }
}
