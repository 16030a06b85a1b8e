package io.gatehouse.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Operator.TestCompany;
import io.gatehouse.support.Scim;
import org.junit.jupiter.api.Test;

class ActuatorIT extends IntegrationTest {

    @Test
    void healthIsUpWithoutAuthentication() {
        Http.Response r = http().get("/actuator/health", null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusPublishesRequestCountsAndLatenciesPerEndpoint() {
        TestCompany company = operator().premiumCompanyWithToken();
        Scim scim = new Scim(http(), company.scimToken());
        scim.createUser("metrics@acme.example");
        scim.get("/Users?filter=" + Scim.filter("userName eq \"metrics@acme.example\""));

        String metrics = http().get("/actuator/prometheus", null).body();

        assertThat(metrics).containsPattern(
                "http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*status=\"201\"[^}]*uri=\"/scim/v2/Users\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern(
                "http_server_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*status=\"200\"[^}]*uri=\"/scim/v2/Users\"[^}]*} [1-9]");
        assertThat(metrics).contains("http_server_requests_seconds_bucket{");
        assertThat(metrics).doesNotContain(company.scimToken());
    }

    @Test
    void eachRequestIsCountedOnceUnderItsRoutePattern() {
        TestCompany company = operator().premiumCompanyWithToken();
        Scim scim = new Scim(http(), company.scimToken());
        String id = scim.createUser("counted@acme.example");
        String deactivate = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}";
        double before = count(http().get("/actuator/prometheus", null).body(), "PATCH", "200", "/scim/v2/Users/{id}");

        assertThat(scim.patch("/Users/" + id, deactivate).status()).isEqualTo(200);
        assertThat(scim.patch("/Users/" + id, deactivate).status()).isEqualTo(200);

        String metrics = http().get("/actuator/prometheus", null).body();
        assertThat(count(metrics, "PATCH", "200", "/scim/v2/Users/{id}") - before).isEqualTo(2.0);
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*outcome=\"SUCCESS\"");
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*exception=\"none\"");
    }

    private static double count(String metrics, String method, String status, String uri) {
        return metrics.lines()
                .filter(l -> l.startsWith("http_server_requests_seconds_count{"))
                .filter(l -> l.contains("method=\"" + method + "\"") && l.contains("status=\"" + status + "\"")
                        && l.contains("uri=\"" + uri + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
