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
}
