package io.gatehouse.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final SignInThrottle throttle = new SignInThrottle(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void tenAttemptsPerEmailInTheWindowThenRefusedUntilTheWindowPasses() {
        for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
            assertThat(throttle.tryAcquire("a@acme.test")).isTrue();
        }
        assertThat(throttle.tryAcquire("a@acme.test")).isFalse();
        assertThat(throttle.tryAcquire("b@acme.test")).isTrue();
        now = now.plus(SignInThrottle.WINDOW).plusSeconds(1);
        assertThat(throttle.tryAcquire("a@acme.test")).isTrue();
    }

    @Test
    void aSuccessfulSignInClearsTheCount() {
        for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
            throttle.tryAcquire("c@acme.test");
        }
        throttle.reset("c@acme.test");
        assertThat(throttle.tryAcquire("c@acme.test")).isTrue();
    }
}
