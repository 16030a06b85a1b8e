package io.gatehouse.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which family's format answers a refusal, decided from the request URI as sent. */
class PathFamilyTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/scim/v2/Users|SCIM", "/scim|SCIM", "/scim%5c/v2|SCIM", "/login\\x|CONSOLE", "/scim/Users/%2F|SCIM",
            "//scim/v2/Users|SCIM",
            "/scim;x=1/v2|SCIM", "/%73cim/v2/Users|SCIM", "/scim%2Fv2/Users|SCIM", "/scim?filter=x|SCIM",
            "/saml/abc/acs|SIGN_IN", "/oidc/x/callback|SIGN_IN",
            "/console|CONSOLE", "/console/users/%00|CONSOLE", "/app|CONSOLE", "/login?target=%|CONSOLE",
            "/logout|CONSOLE", "/setup/x|CONSOLE",
            "/support/companies|SUPPORT", "/operator/v1/companies/%5C|OPERATOR",
            "/api/v1/companies|API", "/api|API", "/%61pi/v1/events;x|API", "/apix|OTHER",
            "/|OTHER", "/actuator/health|OTHER", "/scimx/v2|OTHER", "/SCIM/v2/Users|OTHER", "/nope|OTHER",
            "*|OTHER", "http://x/scim|OTHER", "/%ZZcim|OTHER", "/%E2%82%ACscim|OTHER"})
    void familyOfTheFirstPathSegment(String uri, PathFamily family) {
        assertThat(PathFamily.of(uri)).isEqualTo(family);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", value = {"null", "''"})
    void aRequestWithoutAPathIsOther(String uri) {
        assertThat(PathFamily.of(uri)).isEqualTo(PathFamily.OTHER);
    }
}
