package io.gatehouse.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UriRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "https://app.example.com/callback",
            "https://app.example.com:8443/oauth/callback?tenant=eu",
            "https://APP.example.com/Callback",
            "http://127.0.0.1:8080/login/oauth2/code/gatehouse",
            "http://127.10.0.1/cb",
            "http://[::1]:3000/cb",
            "https://127.0.0.1/cb",
    })
    void acceptsHttpsAndHttpOnlyToLoopbackLiterals(String uri) {
        assertThat(UriRules.redirectUriProblem(uri)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://app.example.com/callback       | must use https (http only for the loopback address",
            "http://192.168.1.10/callback          | must use https (http only for the loopback address",
            "http://128.0.0.1/callback             | must use https (http only for the loopback address",
            "http://127.0.0.1.example.com/callback | must use https (http only for the loopback address",
            "http://localhost:8080/callback        | instead of localhost",
            "https://localhost/callback            | instead of localhost",
            "https://app.example.com/cb#section    | must not contain a fragment",
            "https://app.example.com/cb#           | must not contain a fragment",
            "/callback                             | must be an absolute URI",
            "app.example.com/callback              | must be an absolute URI",
            "https:app.example.com                 | must be an absolute URI",
            "https://user:pw@app.example.com/cb    | must not contain user information",
            "https://*.example.com/cb              | must name a host",
            "https:///cb                           | must name a host",
            "ftp://app.example.com/cb              | must use https",
            "javascript://app.example.com/%0aalert(1) | must use https",
            "com.example.app:/oauth2redirect       | must name a host",
            "'https://app.example.com/a b'         | visible ASCII",
            "https://app.exämple.com/cb            | visible ASCII",
            "''                                    | is empty",
    })
    void refusesWhatCannotBeAnExactlyMatchedRedirectUri(String uri, String problem) {
        assertThat(UriRules.redirectUriProblem(uri)).hasValueSatisfying(p -> assertThat(p).contains(problem));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.com/backchannel-logout", "http://localhost:9000/logout",
            "http://127.0.0.1:9000/logout", "https://10.0.0.5/logout"})
    void acceptsOutboundEndpointsOnHttpsOrLoopback(String uri) {
        assertThat(UriRules.outboundEndpointProblem(uri)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://169.254.169.254/latest/meta-data | link-local",
            "https://169.254.10.1/logout             | link-local",
            "https://[fe80::1]/logout                | link-local",
            "https://[fd00:ec2::254]/latest          | metadata",
            "https://metadata.google.internal/x      | metadata",
            "https://0.0.0.0/logout                  | unspecified",
            "https://2130706433/logout               | four decimal numbers",
            "https://0x7f000001/logout               | four decimal numbers",
            "https://127.1/logout                    | must name a host",
            "http://app.example.com/logout           | must use https",
            "https://app.example.com/logout#x        | fragment",
    })
    void refusesOutboundEndpointsAtMetadataOrLinkLocalAddresses(String uri, String problem) {
        assertThat(UriRules.outboundEndpointProblem(uri)).hasValueSatisfying(p -> assertThat(p).contains(problem));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.255.254", "[::1]"})
    void loopbackLiteralsAreLoopback(String host) {
        assertThat(UriRules.isLoopbackLiteral(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.256", "10.0.0.1", "[::2]", "127.0.0.1.nip.io"})
    void otherHostsAreNotLoopbackLiterals(String host) {
        assertThat(UriRules.isLoopbackLiteral(host)).isFalse();
    }
}
