package io.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.access.Spaces;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * On every {@code /api/v1} route Spring MVC maps: a bad {@code limit=} or {@code after=} of a listing, and an id
 * that is not an id in any path variable, are 400 problems naming the parameter — checked before anything is
 * looked up, so they say nothing about what exists.
 */
class ApiParameterProblemsIT extends IntegrationTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

    @Autowired
    Spaces spaces;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void badPagingParametersOfEveryListingNameTheParameter() {
        ApiWorld w = new ApiWorld(http(), spaces);
        String group = w.group("Paged");
        List<ApiRoutes.Route> listings = ApiRoutes.of(mapping).stream().filter(ApiRoutes.Route::paged).toList();
        assertThat(listings).hasSizeGreaterThanOrEqualTo(5);

        for (ApiRoutes.Route route : listings) {
            String path = route.pattern().substring("/api/v1".length()).replace("{companyId}", w.id)
                    .replace("{groupId}", group);
            for (String limit : List.of("0", "1001", "abc", "-1", "1.5")) {
                assertProblem(w.api(path + "?limit=" + limit), "limit", route);
            }
            for (String after : List.of("garbage", "YzE6MTox", "A".repeat(201))) {
                assertProblem(w.api(path + "?after=" + after), "after", route);
            }
            assertThat(w.api(path + "?limit=1").status()).as("%s", route).isEqualTo(200);
        }
    }

    @Test
    void aMalformedIdInAnyPathVariableNamesTheVariable() {
        ApiWorld w = new ApiWorld(http(), spaces);
        int checked = 0;
        for (ApiRoutes.Route route : ApiRoutes.of(mapping)) {
            Matcher m = VARIABLE.matcher(route.pattern());
            List<String> variables = m.results().map(r -> r.group(1)).toList();
            for (String malformed : variables) {
                String path = route.pattern().substring("/api/v1".length());
                for (String v : variables) {
                    String value = v.equals(malformed) ? "not-an-id"
                            : v.equals("companyId") ? w.id : UUID.randomUUID().toString();
                    path = path.replace("{" + v + "}", value);
                }
                assertProblem(w.api(path), malformed, route);
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
    }

    private static void assertProblem(Http.Response r, String parameter, ApiRoutes.Route route) {
        assertThat(r.status()).as("%s: %s", route, r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("title").asString()).isEqualTo("Bad Request");
        assertThat(r.json().path("parameter").asString()).as("%s", route).isEqualTo(parameter);
    }
}
