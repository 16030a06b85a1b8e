package io.gatehouse.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Attempt limiting of the password form, per email address and per node: at most {@link #MAX_FAILURES}
 * attempts in {@link #WINDOW}. A successful sign-in clears the count. Also used by the support console's
 * sign-in (supportconsole), keyed by client address there.
 */
@Component
public class SignInThrottle {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_KEYS = 100_000;

    private final ConcurrentHashMap<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();
    private final Clock clock;

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    public boolean tryAcquire(String key) {
        if (attempts.size() > MAX_KEYS) {
            attempts.clear();
        }
        Instant now = clock.instant();
        Deque<Instant> times = attempts.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
                times.pollFirst();
            }
            if (times.size() >= MAX_FAILURES) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    public void reset(String key) {
        attempts.remove(key);
    }
}
