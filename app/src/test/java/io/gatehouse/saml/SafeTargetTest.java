package io.gatehouse.saml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a browser may be sent after sign-in: a named table of open-redirect attempts. */
class SafeTargetTest {

    @ParameterizedTest
    @ValueSource(strings = {"/app", "/app/spaces/42?tab=recent#top", "/", "/%2F%2Fevil.example", "/app?next=//x"})
    void keepsPathsOnThisSite(String target) {
        assertThat(SafeTarget.orDefault(target)).isEqualTo(target);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"//evil.example", "///evil.example", "/\\evil.example", "\\\\evil.example",
        "https://evil.example", "HTTP://evil.example", "javascript:alert(1)", "data:text/html,x", "evil.example",
        "/\t/evil.example", "/\n/evil.example", " /app", "/app\r\nSet-Cookie: a=b", "/app\\..\\evil",
        "/app/\u2028", "/ap p"})
    void sendsEverythingElseToTheLandingPage(String target) {
        assertThat(SafeTarget.orDefault(target)).isEqualTo("/app");
    }

    @ParameterizedTest
    @ValueSource(ints = {1025, 5000})
    void refusesOverlongTargets(int length) {
        assertThat(SafeTarget.isSafe("/" + "a".repeat(length - 1))).isFalse();
    }
}
