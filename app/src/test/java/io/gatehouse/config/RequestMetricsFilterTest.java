package io.gatehouse.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

class RequestMetricsFilterTest {

    @Test
    void namesRequestsAsSpringsObservationConventionDoes() {
        MockHttpServletRequest routed = new MockHttpServletRequest("PATCH", "/scim/v2/Users/1");
        routed.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/scim/v2/Users/{id}");
        MockHttpServletRequest root = new MockHttpServletRequest("GET", "/");
        root.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "");
        MockHttpServletRequest unrouted = new MockHttpServletRequest("GET", "/nothing");

        assertThat(RequestMetricsFilter.uri(routed, status(200))).isEqualTo("/scim/v2/Users/{id}");
        assertThat(RequestMetricsFilter.uri(root, status(200))).isEqualTo("root");
        assertThat(RequestMetricsFilter.uri(unrouted, status(404))).isEqualTo("NOT_FOUND");
        assertThat(RequestMetricsFilter.uri(unrouted, status(302))).isEqualTo("REDIRECTION");
        assertThat(RequestMetricsFilter.uri(unrouted, status(401))).isEqualTo("UNKNOWN");
    }

    @Test
    void outcomeFollowsTheStatusClass() {
        assertThat(RequestMetricsFilter.outcome(101)).isEqualTo("INFORMATIONAL");
        assertThat(RequestMetricsFilter.outcome(204)).isEqualTo("SUCCESS");
        assertThat(RequestMetricsFilter.outcome(303)).isEqualTo("REDIRECTION");
        assertThat(RequestMetricsFilter.outcome(429)).isEqualTo("CLIENT_ERROR");
        assertThat(RequestMetricsFilter.outcome(503)).isEqualTo("SERVER_ERROR");
        assertThat(RequestMetricsFilter.outcome(999)).isEqualTo("UNKNOWN");
    }

    private static MockHttpServletResponse status(int status) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setStatus(status);
        return response;
    }
}
