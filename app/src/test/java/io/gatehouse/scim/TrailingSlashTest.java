package io.gatehouse.scim;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class TrailingSlashTest {

    @Test
    void aPathWithoutTrailingSlashIsHandedOnAsTheSameRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/scim/v2/Users");

        assertThat(TrailingSlash.strip(request)).isSameAs(request);
    }

    @Test
    void oneTrailingSlashIsTakenOffEveryPathTheHandlerMappingReads() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/scim/v2/Users/");
        request.setServletPath("/scim/v2/Users/");
        request.setQueryString("filter=x");

        HttpServletRequest stripped = TrailingSlash.strip(request);

        assertThat(stripped.getRequestURI()).isEqualTo("/scim/v2/Users");
        assertThat(stripped.getServletPath()).isEqualTo("/scim/v2/Users");
        assertThat(stripped.getRequestURL().toString()).isEqualTo("http://localhost/scim/v2/Users");
        assertThat(stripped.getQueryString()).isEqualTo("filter=x");
        assertThat(TrailingSlash.strip(new MockHttpServletRequest("GET", "/scim/v2/Users//")).getRequestURI())
                .isEqualTo("/scim/v2/Users/");
    }

    @Test
    void theRootPathIsLeftAlone() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");

        assertThat(TrailingSlash.strip(request)).isSameAs(request);
    }
}
