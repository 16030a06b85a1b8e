package io.gatehouse.ratelimit;

/**
 * One token bucket: {@code capacity} tokens, refilled continuously at {@code perNano} tokens per nanosecond.
 * Every operation is O(1) under the bucket's own monitor; no allocation, no I/O.
 */
final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long last;

    TokenBucket(double capacity, double perNano, long now) {
        this.capacity = capacity;
        this.perNano = perNano;
        this.tokens = capacity;
        this.last = now;
    }

    /** Takes one token: 0 when granted, otherwise the nanoseconds until one will be available. */
    synchronized long take(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perNano);
    }

    /** Nanoseconds until a token is available, without taking it. */
    synchronized long waitFor(long now) {
        refill(now);
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perNano);
    }

    /** Gives back one token (a request that turned out not to count). */
    synchronized void giveBack(long now) {
        refill(now);
        tokens = Math.min(capacity, tokens + 1);
    }

    /** True when the bucket has refilled completely: it carries no state worth keeping. */
    synchronized boolean full(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        long elapsed = now - last;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * perNano);
            last = now;
        }
    }
}
