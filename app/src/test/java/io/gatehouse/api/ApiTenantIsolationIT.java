package io.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.gatehouse.access.SpaceRole;
import io.gatehouse.access.Spaces;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The cross-tenant matrix: every {@code /api/v1} route Spring MVC maps (a new route is walked without being
 * listed here), called with the key of an application serving company A only, aimed at company B's ids. Each
 * answers 404 problem+json, or — a route naming no company (A's own listing, the public document) — 200, and
 * never carries anything of B.
 */
class ApiTenantIsolationIT extends IntegrationTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

    @Autowired
    Spaces spaces;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    /** The query parameters a route needs to reach its lookup; a route that needs some and is not here fails. */
    private static Map<String, String> queries(Map<String, String> ids) {
        return Map.of("/api/v1/access/check", "?user=" + ids.get("userId") + "&space=" + ids.get("spaceId"));
    }

    @Test
    void aKeyOfAnApplicationNotServingCompanyBSeesNothingOfBOnAnyRoute() {
        ApiWorld a = new ApiWorld(http(), spaces);
        ApiWorld b = new ApiWorld(http(), spaces);
        String userOfB = b.user("secret-user");
        String groupOfB = b.group("Secret group", userOfB);
        String spaceOfB = b.space("Secret space");
        b.grantUser(spaceOfB, userOfB, SpaceRole.MANAGER);
        Map<String, String> idsOfB = Map.of("companyId", b.id, "userId", userOfB, "groupId", groupOfB,
                "spaceId", spaceOfB);
        Map<String, String> idsOfBUnderA = new LinkedHashMap<>(idsOfB);
        idsOfBUnderA.put("companyId", a.id);
        List<String> secrets = List.of(b.id, userOfB, groupOfB, spaceOfB, "secret-user", "Secret group",
                "Secret space");

        List<ApiRoutes.Route> routes = ApiRoutes.of(mapping);
        assertThat(routes).extracting(ApiRoutes.Route::pattern).contains("/api/v1/companies/{companyId}",
                "/api/v1/companies/{companyId}/users/{userId}", "/api/v1/access/check");
        List<String> walked = new ArrayList<>();
        for (ApiRoutes.Route route : routes) {
            assertThat(route.method()).as("%s: the matrix only knows reads", route).isEqualTo("GET");
            for (Map<String, String> ids : List.of(idsOfB, idsOfBUnderA)) {
                String query = queries(ids).getOrDefault(route.pattern(), "");
                String path = fill(route.pattern(), ids) + query;
                Http.Response r = a.api(path.substring("/api/v1".length()));
                walked.add(route + " as " + path);
                boolean aimsAtB = !query.isEmpty() || VARIABLE.matcher(route.pattern()).results()
                        .anyMatch(v -> !ids.get(v.group(1)).equals(a.id));
                if (aimsAtB) {
                    assertThat(r.status()).as("%s → %s", path, r.body()).isEqualTo(404);
                    assertThat(r.header("Content-Type")).as(path).startsWith("application/problem+json");
                    assertThat(r.json().path("status").asInt()).isEqualTo(404);
                } else {
                    assertThat(r.status()).as("%s → %s", path, r.body()).isEqualTo(200);
                }
                for (String secret : secrets) {
                    assertThat(withoutEcho(r.body(), path)).as("%s leaks %s", path, secret).doesNotContain(secret);
                }
            }
        }
        assertThat(walked).hasSizeGreaterThanOrEqualTo(2 * 10);
    }

    /** The problem's instance and detail echo the requested path and ids: that is what the caller sent, not B's data. */
    private static String withoutEcho(String body, String path) {
        String out = body.replace(path.contains("?") ? path.substring(0, path.indexOf('?')) : path, "");
        for (String part : path.split("[/?&=]")) {
            if (part.length() == 36) {
                out = out.replace(part, "");
            }
        }
        return out;
    }

    private static String fill(String pattern, Map<String, String> ids) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = ids.get(m.group(1));
            if (value == null) {
                fail("The route " + pattern + " has a variable {" + m.group(1) + "} the matrix does not know: add an "
                        + "id of company B for it.");
            }
            m.appendReplacement(out, value);
        }
        m.appendTail(out);
        return out.toString();
    }
}
