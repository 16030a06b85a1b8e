package io.gatehouse.bench.scim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerTimerHistogramTest {

    private static String scrape(int fast, int middle, int slow, int otherEndpoint) {
        String users = "error=\"none\",exception=\"none\",method=\"GET\",outcome=\"SUCCESS\",status=\"200\","
                + "uri=\"/scim/v2/Users\"";
        String groups = users.replace("/scim/v2/Users", "/scim/v2/Groups");
        return "# HELP http_server_requests_seconds\n"
                + "http_server_requests_seconds_bucket{" + users + ",le=\"0.001\"} " + fast + ".0\n"
                + "http_server_requests_seconds_bucket{" + users + ",le=\"0.002\"} " + (fast + middle) + ".0\n"
                + "http_server_requests_seconds_bucket{" + users + ",le=\"0.01\"} " + (fast + middle + slow) + ".0\n"
                + "http_server_requests_seconds_bucket{" + users + ",le=\"+Inf\"} " + (fast + middle + slow) + ".0\n"
                + "http_server_requests_seconds_bucket{" + groups + ",le=\"0.001\"} " + otherEndpoint + ".0\n"
                + "http_server_requests_seconds_count{" + users + "} " + (fast + middle + slow) + ".0\n";
    }

    @Test
    void quantilesOfTheRequestsBetweenTwoReadingsOfOneEndpoint() {
        ServerTimerHistogram before = ServerTimerHistogram.parse(scrape(10, 0, 0, 5), "GET", "/scim/v2/Users", "200");
        ServerTimerHistogram after = ServerTimerHistogram.parse(scrape(10 + 90, 9, 1, 500), "GET", "/scim/v2/Users",
                "200");

        ServerTimerHistogram window = after.minus(before);

        assertThat(window.count()).isEqualTo(100);
        assertThat(window.quantileUpperBoundMs(0.50)).isEqualTo(1.0);
        assertThat(window.quantileUpperBoundMs(0.90)).isEqualTo(1.0);
        assertThat(window.quantileUpperBoundMs(0.99)).isEqualTo(2.0);
        assertThat(window.quantileUpperBoundMs(0.999)).isEqualTo(10.0);
    }

    @Test
    void noRequestsHasNoQuantile() {
        ServerTimerHistogram none = ServerTimerHistogram.parse("", "GET", "/scim/v2/Users", "200");
        assertThat(none.count()).isZero();
        assertThat(none.quantileUpperBoundMs(0.99)).isNaN();
    }
}
