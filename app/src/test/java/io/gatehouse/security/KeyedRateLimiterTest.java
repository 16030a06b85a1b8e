package io.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.ratelimit.KeyedRateLimiter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyedRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void burstThenSustainedRate() {
        KeyedRateLimiter limiter = new KeyedRateLimiter(2, 4, 100, now::get);

        for (int i = 0; i < 4; i++) {
            assertThat(limiter.take("t")).isZero();
        }
        long wait = limiter.take("t");
        assertThat(wait).isEqualTo(500_000_000L);
        assertThat(KeyedRateLimiter.retryAfterSeconds(wait)).isEqualTo(1);

        now.addAndGet(500_000_000L);
        assertThat(limiter.take("t")).isZero();
        assertThat(limiter.take("t")).isPositive();
    }

    @Test
    void keysAreIndependentAndGiveBackRestoresAToken() {
        KeyedRateLimiter limiter = new KeyedRateLimiter(1, 1, 100, now::get);
        assertThat(limiter.take("a")).isZero();
        assertThat(limiter.take("a")).isPositive();
        assertThat(limiter.take("b")).isZero();

        limiter.giveBack("a");
        assertThat(limiter.take("a")).isZero();
    }

    @Test
    void idleBucketsAreSweptAndTheKeyCapFailsOpen() {
        KeyedRateLimiter limiter = new KeyedRateLimiter(1, 1, 2, now::get);
        limiter.take("a");
        limiter.take("b");
        // Both buckets are in use: a third key is not tracked rather than growing the map.
        assertThat(limiter.take("c")).isZero();
        assertThat(limiter.take("c")).isZero();

        now.addAndGet(2_000_000_000L);
        limiter.sweep();
        assertThat(limiter.take("c")).isZero();
        assertThat(limiter.take("c")).isPositive();
    }

    @Test
    void waitForLooksWithoutTakingAndCreatesNoBucket() {
        KeyedRateLimiter limiter = new KeyedRateLimiter(1, 2, 100, now::get);
        assertThat(limiter.waitFor("x")).isZero();
        assertThat(limiter.waitFor("x")).isZero();
        limiter.take("x");
        limiter.take("x");
        assertThat(limiter.waitFor("x")).isEqualTo(1_000_000_000L);
        assertThat(limiter.waitFor("x")).isEqualTo(1_000_000_000L);
        now.addAndGet(1_000_000_000L);
        assertThat(limiter.waitFor("x")).isZero();
    }

    @Test
    void retryAfterRoundsUp() {
        assertThat(KeyedRateLimiter.retryAfterSeconds(1)).isEqualTo(1);
        assertThat(KeyedRateLimiter.retryAfterSeconds(1_000_000_001L)).isEqualTo(2);
        assertThat(KeyedRateLimiter.retryAfterSeconds(12_000_000_000L)).isEqualTo(12);
    }
}
