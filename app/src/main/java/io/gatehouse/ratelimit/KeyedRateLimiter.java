package io.gatehouse.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets by key (a SCIM token, a client address), in this node's memory. {@link #take} is one hash
 * lookup and one short synchronized block: cheap enough for every SCIM request. Buckets that have refilled
 * completely are dropped by {@link #sweep()}, so memory follows the keys active in the last refill period.
 * Beyond {@code maxKeys} active keys new keys are not tracked (fail open) rather than growing without bound.
 */
public final class KeyedRateLimiter {

    private final double capacity;
    private final double perNano;
    private final int maxKeys;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public KeyedRateLimiter(double perSecond, double burst, int maxKeys, LongSupplier nanoClock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs a positive rate and a burst of at least 1");
        }
        this.capacity = burst;
        this.perNano = perSecond / 1_000_000_000.0;
        this.maxKeys = maxKeys;
        this.nanoClock = nanoClock;
    }

    public static KeyedRateLimiter perSecond(double perSecond, double burst) {
        return new KeyedRateLimiter(perSecond, burst, 100_000, System::nanoTime);
    }

    /** Takes one token for the key: 0 when allowed, otherwise nanoseconds until the next token. */
    public long take(String key) {
        TokenBucket bucket = bucket(key);
        return bucket == null ? 0 : bucket.take(nanoClock.getAsLong());
    }

    /**
     * Nanoseconds until the key has a token again, without taking one (0 when it has one now). Keys never
     * charged have no bucket and cost nothing here.
     */
    public long waitFor(String key) {
        TokenBucket bucket = buckets.get(key);
        return bucket == null ? 0 : bucket.waitFor(nanoClock.getAsLong());
    }

    /** Returns the token taken by {@link #take} for a request that turned out not to count. */
    public void giveBack(String key) {
        TokenBucket bucket = buckets.get(key);
        if (bucket != null) {
            bucket.giveBack(nanoClock.getAsLong());
        }
    }

    /** Drops buckets that are full again (idle keys). */
    public void sweep() {
        long now = nanoClock.getAsLong();
        buckets.values().removeIf(b -> b.full(now));
    }

    /** Forgets every key (tests, or an operator resetting a node). */
    public void clear() {
        buckets.clear();
    }

    int size() {
        return buckets.size();
    }

    private TokenBucket bucket(String key) {
        TokenBucket bucket = buckets.get(key);
        if (bucket != null) {
            return bucket;
        }
        if (buckets.size() >= maxKeys) {
            sweep();
            if (buckets.size() >= maxKeys) {
                return null;
            }
        }
        return buckets.computeIfAbsent(key, k -> new TokenBucket(capacity, perNano, nanoClock.getAsLong()));
    }

    /** Whole seconds to announce in Retry-After for a wait of {@code nanos} (at least 1). */
    public static long retryAfterSeconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
