package io.gatehouse.testsupport;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Seeded random testing in plain JUnit 5. How many inputs each fuzz test generates, and from which seed, come
 * from system properties so a dedicated run can go much further than the normal build:
 * <ul>
 *   <li>{@code gatehouse.fuzz.tries} - inputs per test (default {@value #DEFAULT_TRIES});</li>
 *   <li>{@code gatehouse.fuzz.seed} - base seed (default {@value #DEFAULT_SEED}); each test derives its own
 *       fixed seed from it and its name, and prints both.</li>
 * </ul>
 * A failure names the test, the try and the seed, and shows the generated input. The same base seed always
 * produces the same inputs in the same order, so a failure reproduces with the same seed and at least as many tries.
 */
public final class FuzzSettings {

    public static final String TRIES_PROPERTY = "gatehouse.fuzz.tries";
    public static final String SEED_PROPERTY = "gatehouse.fuzz.seed";
    public static final int DEFAULT_TRIES = 2_000;
    public static final long DEFAULT_SEED = 20240607L;

    private FuzzSettings() {
    }

    /** Inputs per fuzz test: {@code -Dgatehouse.fuzz.tries}, else {@value #DEFAULT_TRIES}. */
    public static int tries() {
        String text = property(TRIES_PROPERTY);
        if (text == null) {
            return DEFAULT_TRIES;
        }
        try {
            int tries = Integer.parseInt(text);
            if (tries > 0) {
                return tries;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + TRIES_PROPERTY + " must be a positive integer, was '" + text + "'");
    }

    /** The base seed: {@code -Dgatehouse.fuzz.seed}, else {@value #DEFAULT_SEED}. */
    public static long seed() {
        String text = property(SEED_PROPERTY);
        if (text == null) {
            return DEFAULT_SEED;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + SEED_PROPERTY + " must be a long, was '" + text + "'", e);
        }
    }

    /** The fixed seed of one test: the base seed mixed with the test's name, so tests get different inputs. */
    public static long seedFor(String test) {
        long z = seed() ^ (0x9E3779B97F4A7C15L * test.hashCode());
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Runs {@code property} on {@link #tries()} inputs made by {@code generator}. Every try gets its own
     * {@link SplittableRandom}, seeded from the test's seed, so a failing input can be regenerated and shown intact
     * even if the code under test mutated it.
     */
    public static <T> void forAll(String test, Function<SplittableRandom, T> generator, Consumer<T> property) {
        int tries = tries();
        long testSeed = seedFor(test);
        System.out.printf("[fuzz] %s: %d tries, seed %d (from -D%s=%d)%n", test, tries, testSeed, SEED_PROPERTY,
                seed());
        SplittableRandom seeds = new SplittableRandom(testSeed);
        for (int run = 0; run < tries; run++) {
            long trySeed = seeds.nextLong();
            T input = generator.apply(new SplittableRandom(trySeed));
            try {
                property.accept(input);
            } catch (RuntimeException | AssertionError | StackOverflowError e) {
                T original = generator.apply(new SplittableRandom(trySeed));
                throw new AssertionError(String.format("%s failed on try %d of %d (seed %d from -D%s=%d), input: %s",
                        test, run + 1, tries, testSeed, SEED_PROPERTY, seed(), describe(original)), e);
            }
        }
    }

    private static String property(String name) {
        String text = System.getProperty(name);
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** Strings quoted, with control and non-ASCII characters escaped so the input can be pasted into a test. */
    private static String describe(Object input) {
        if (!(input instanceof CharSequence text)) {
            return String.valueOf(input);
        }
        StringBuilder out = new StringBuilder("\"");
        text.chars().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.append('"').toString();
    }
}
