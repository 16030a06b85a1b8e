package io.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** {@code /api/v1/openapi.json}: a valid OpenAPI 3.1 document of every product API route, readable without a key. */
class ApiDocumentIT extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    private Http.Response document() {
        return http().send("GET", "/api/v1/openapi.json", null, null, Map.of());
    }

    private static SwaggerParseResult lint(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(json, null, options);
    }

    @Test
    void theDocumentIsAValidOpenApi31DocumentReadWithoutAKey() {
        Http.Response r = document();

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        SwaggerParseResult parsed = lint(r.body());
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1.");
        assertThat(r.json().path("openapi").asString()).startsWith("3.1.");
        keepForReaders(r.body());
    }

    /** The document as built, beside the test reports (for a reviewer; clients should fetch the served one). */
    private static void keepForReaders(String json) {
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "api-v1-openapi.json"), json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyRouteIsDescribedWithTheBearerSchemeAndItsProblemAnswers() {
        OpenAPI api = lint(document().body()).getOpenAPI();

        assertThat(api.getComponents().getSecuritySchemes().get("applicationKey").getScheme()).isEqualTo("bearer");
        assertThat(api.getSecurity()).anySatisfy(s -> assertThat(s).containsKey("applicationKey"));
        assertThat(api.getPaths().keySet()).allMatch(p -> p.startsWith("/api/v1/"));
        for (ApiRoutes.Route route : ApiRoutes.of(mapping)) {
            if (route.pattern().equals(ApiDocsConfig.DOCUMENT_PATH) || route.pattern().startsWith("/api/v1/openapi.json")) {
                continue;
            }
            PathItem item = api.getPaths().get(route.pattern());
            assertThat(item).as("%s is not in the document", route).isNotNull();
            Operation operation = item.readOperationsMap().get(PathItem.HttpMethod.valueOf(route.method()));
            assertThat(operation).as("%s is not in the document", route).isNotNull();
            assertThat(operation.getResponses()).containsKeys("200", "400", "401");
            assertThat(operation.getResponses().get("401").getContent()).containsKey("application/problem+json");
            assertThat(operation.getParameters()).noneMatch(p -> p.getName().equals("caller"));
        }
        assertThat(api.getPaths()).containsKeys("/api/v1/companies/{companyId}/users", "/api/v1/access/check");
    }

    @Test
    void theDocumentDoesNotOpenTheRestOfTheApi() {
        Http.Response r = http().send("GET", "/api/v1/companies", null, null, Map.of());

        assertThat(r.status()).isEqualTo(401);
    }
}
