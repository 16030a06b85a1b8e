package io.gatehouse.bench.scim;

import java.util.Arrays;

/**
 * Keeps every latency sample (nanoseconds) so percentiles are exact rather than bucket-approximated:
 * a 100k-user sync yields a few hundred thousand samples, i.e. a few MB, which is cheaper than
 * explaining a histogram's rounding in a benchmark table.
 *
 * <p>Not thread-safe on purpose: each worker owns its recorders and they are merged after a phase,
 * so recording never contends on a lock while the requests are being timed.
 */
final class LatencyRecorder {

    private long[] samples = new long[1024];
    private int count;

    void record(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("negative latency: " + nanos);
        }
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, samples.length * 2);
        }
        samples[count++] = nanos;
    }

    void merge(LatencyRecorder other) {
        for (int i = 0; i < other.count; i++) {
            record(other.samples[i]);
        }
    }

    int count() {
        return count;
    }

    /** The samples in ascending order (a sorted copy), for {@link #nearestRank}. */
    long[] sortedSamples() {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return sorted;
    }

    /** Sorts a copy once, so a summary of all quantiles costs one sort, not one per quantile. */
    Summary summarize() {
        long[] sorted = sortedSamples();
        return new Summary(count,
                nearestRank(sorted, 0.50), nearestRank(sorted, 0.90), nearestRank(sorted, 0.99),
                count == 0 ? 0 : sorted[count - 1]);
    }

    /**
     * Nearest-rank percentile: the smallest sample such that at least q of all samples are <= it
     * (rank ceil(q*n), 1-based). It always returns a value that was actually measured, which is what
     * a latency table should show; there is no interpolation between samples.
     */
    static long nearestRank(long[] sorted, double q) {
        if (q <= 0 || q > 1) {
            throw new IllegalArgumentException("quantile must be in (0, 1]: " + q);
        }
        if (sorted.length == 0) {
            return 0;
        }
        // the small epsilon keeps e.g. 0.9 * 100 = 90.00000000000001 from rounding up to rank 91
        int rank = (int) Math.ceil(q * sorted.length - 1e-9);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    /** Latencies in nanoseconds; zero everywhere when there were no samples. */
    record Summary(int count, long p50, long p90, long p99, long max) {
    }
}
