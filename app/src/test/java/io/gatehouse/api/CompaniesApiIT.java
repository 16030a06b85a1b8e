package io.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Applications;
import io.gatehouse.support.Applications.TestApplication;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/companies}: an application key sees exactly the companies its application serves, on both routes;
 * a company it does not serve is indistinguishable from one that does not exist.
 */
class CompaniesApiIT extends IntegrationTest {

    private Applications apps() {
        return new Applications(http());
    }

    private String company(String name) {
        return operator().createCompany(name + " " + System.nanoTime(), "standard");
    }

    /** Every id the key can list, following nextCursor to the end. */
    private List<String> listAll(String key, int limit) {
        List<String> ids = new ArrayList<>();
        String after = "";
        for (int pages = 0; pages < 10_000; pages++) {
            Http.Response page = apps().api(key, "/companies?limit=" + limit + (after.isEmpty() ? "" : "&after=" + after));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().path("data").forEach(c -> ids.add(c.path("id").asString()));
            JsonNode next = page.json().path("nextCursor");
            if (next.isNull()) {
                return ids;
            }
            after = next.asString();
        }
        throw new AssertionError("no last page");
    }

    @Test
    void aKeySeesOnlyItsApplicationsCompaniesOnBothRoutes() {
        String a = company("Tenant A");
        String b = company("Tenant B");
        String c = company("Tenant C");
        TestApplication x = apps().serving(a, b);
        TestApplication y = apps().serving(c);
        String keyX = apps().issueKey(x.id());
        String keyY = apps().issueKey(y.id());

        assertThat(listAll(keyX, 100)).containsExactly(a, b);
        assertThat(listAll(keyY, 100)).containsExactly(c);
        for (String own : List.of(a, b)) {
            assertThat(apps().api(keyX, "/companies/" + own).status()).isEqualTo(200);
            assertThat(apps().api(keyY, "/companies/" + own).status()).isEqualTo(404);
        }
        assertThat(apps().api(keyY, "/companies/" + c).json().path("id").asString()).isEqualTo(c);

        Http.Response notServed = apps().api(keyX, "/companies/" + c);
        Http.Response missing = apps().api(keyX, "/companies/" + UUID.randomUUID());
        for (Http.Response r : List.of(notServed, missing)) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().path("title").asString()).isEqualTo("Not Found");
            assertThat(r.body()).doesNotContain("Tenant C");
        }
        assertThat(notServed.json().path("detail").asString().replace(c, "ID"))
                .isEqualTo(missing.json().path("detail").asString().replaceAll("[0-9a-f-]{36}", "ID"));
    }

    @Test
    void aCompanyShowsItsIdNameAndCreationTime() {
        String name = "Shown " + System.nanoTime();
        String id = operator().createCompany(name, "premium");
        String key = apps().issueKey(apps().serving(id).id());

        JsonNode shown = apps().api(key, "/companies/" + id).json();

        assertThat(shown.path("id").asString()).isEqualTo(id);
        assertThat(shown.path("name").asString()).isEqualTo(name);
        assertThat(shown.path("createdAt").asString()).isEqualTo(operator().call("GET", "/companies/" + id, null)
                .json().path("createdAt").asString());
    }

    @Test
    void removingACompanyFromTheApplicationHidesItWithTheNextRequest() {
        String a = company("Leaving");
        String b = company("Staying");
        TestApplication app = apps().serving(a, b);
        String key = apps().issueKey(app.id());
        assertThat(apps().api(key, "/companies/" + a).status()).isEqualTo(200);

        operator().call("DELETE", "/applications/" + app.id() + "/companies/" + a, null);

        assertThat(apps().api(key, "/companies/" + a).status()).isEqualTo(404);
        assertThat(listAll(key, 10)).containsExactly(b);
    }

    @Test
    void anApplicationServingAllCompaniesSeesNewOnesInCreationOrder() {
        String key = apps().issueKey(apps().servingAllCompanies().id());
        String first = company("All 1");
        String second = company("All 2");
        String third = company("All 3");

        List<String> everything = listAll(key, 2);

        assertThat(everything).containsSubsequence(first, second, third);
        assertThat(everything).doesNotHaveDuplicates();
        assertThat(everything.get(everything.size() - 1)).isEqualTo(third);
        assertThat(apps().api(key, "/companies/" + second).status()).isEqualTo(200);
    }

    @Test
    void pagesThroughTheServedCompaniesWithoutGapsOrRepeats() {
        List<String> served = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            served.add(company("Paged " + i));
        }
        String key = apps().issueKey(apps().serving(served.toArray(String[]::new)).id());

        Http.Response firstPage = apps().api(key, "/companies?limit=2");

        assertThat(firstPage.json().path("data").size()).isEqualTo(2);
        assertThat(firstPage.json().path("nextCursor").asString()).isNotBlank();
        assertThat(listAll(key, 2)).containsExactlyElementsOf(served);
        assertThat(listAll(key, 5)).containsExactlyElementsOf(served);
        assertThat(apps().api(key, "/companies?limit=5").json().path("nextCursor").isNull()).isTrue();
        assertThat(apps().api(key, "/companies").json().path("data").size()).isEqualTo(5);
    }

    @Test
    void badPagingParametersAreProblemsNamingTheParameter() {
        String key = apps().issueKey(apps().servingAllCompanies().id());

        for (String query : List.of("limit=0", "limit=1001", "limit=abc", "limit=-1", "limit=1.5")) {
            assertParameterProblem(apps().api(key, "/companies?" + query), "limit");
        }
        for (String after : List.of("garbage", "Y29tcGFueQ", "YzE6MTox", "YzE6eDp5OnoK", "%25%25", "A".repeat(201))) {
            assertParameterProblem(apps().api(key, "/companies?after=" + after), "after");
        }
    }

    @Test
    void aMalformedCompanyIdIsAProblemNamingTheParameter() {
        String key = apps().issueKey(apps().servingAllCompanies().id());

        Http.Response r = apps().api(key, "/companies/not-a-company");

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("parameter").asString()).isEqualTo("companyId");
    }

    private static void assertParameterProblem(Http.Response r, String parameter) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("title").asString()).isEqualTo("Bad Request");
        assertThat(r.json().path("parameter").asString()).isEqualTo(parameter);
        assertThat(r.json().path("instance").asString()).isEqualTo("/api/v1/companies");
    }
}
