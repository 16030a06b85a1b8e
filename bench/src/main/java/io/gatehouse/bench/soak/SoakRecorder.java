package io.gatehouse.bench.soak;

import io.gatehouse.bench.soak.SoakBench.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a soak run saw: latencies and errors per request type and minute, and the server's RSS over time. */
final class SoakRecorder {

    /** One request type in one minute (or in the whole run). */
    static final class Bucket {
        private long[] latencies = new long[64];
        private int count;
        private int errors;

        void add(long nanos, boolean failed) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
            if (failed) {
                errors++;
            }
        }

        void addAll(Bucket other) {
            for (int i = 0; i < other.count; i++) {
                add(other.latencies[i], false);
            }
            errors += other.errors;
        }

        int count() {
            return count;
        }

        int errors() {
            return errors;
        }

        /** Nearest-rank percentile in milliseconds (a value that was measured, no interpolation). */
        double percentileMillis(double q) {
            if (count == 0) {
                return 0;
            }
            long[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(q * count - 1e-9);
            return sorted[Math.max(0, Math.min(count, rank) - 1)] / 1e6;
        }
    }

    record MemorySample(Duration at, long rssKb) {}

    private final Instant start;
    private final long startNanos = System.nanoTime();
    private final Map<Integer, Map<Type, Bucket>> minutes = new TreeMap<>();
    private final List<MemorySample> memory = new ArrayList<>();
    private final List<String> errorSamples = new ArrayList<>();

    SoakRecorder(Instant start) {
        this.start = start;
    }

    /**
     * A request, counted in the minute of its schedule slot whenever it finished; its latency runs from that slot
     * (including any wait for a free worker) to the end of the response.
     */
    synchronized void record(Type type, long startedNanos, long nanos, String error) {
        int minute = (int) ((startedNanos - startNanos) / 60_000_000_000L);
        minutes.computeIfAbsent(minute, m -> new EnumMap<>(Type.class))
                .computeIfAbsent(type, t -> new Bucket()).add(nanos, error != null);
        if (error != null && errorSamples.size() < 10) {
            errorSamples.add(type.label() + ": " + (error.length() > 300 ? error.substring(0, 300) + "…" : error));
        }
    }

    synchronized void memory(long rssKb) {
        if (rssKb > 0) {
            memory.add(new MemorySample(Duration.between(start, Instant.now()), rssKb));
        }
    }

    long startNanos() {
        return startNanos;
    }

    synchronized int totalErrors() {
        return minutes.values().stream().flatMap(m -> m.values().stream()).mapToInt(Bucket::errors).sum();
    }

    synchronized String markdown(String base, double rate, double plannedMinutes) {
        StringBuilder md = new StringBuilder("# Soak report\n\n");
        md.append(String.format("Started %s against %s: %.1f minutes at %.0f requests/s (open loop), mix %s. "
                + "Requests count in the minute of their schedule slot, latency runs from that slot to the whole response (waiting for a free driver thread included); minute 1 includes the server's JIT warm-up.%n%n",
                start, base, plannedMinutes, rate, mix()));

        md.append("## Per request type (whole run)\n\n| type | requests | errors | p50 ms | p99 ms |\n| --- | ---: | ---: | ---: | ---: |\n");
        Bucket all = new Bucket();
        for (Type type : Type.values()) {
            Bucket b = new Bucket();
            minutes.values().forEach(m -> {
                if (m.containsKey(type)) {
                    b.addAll(m.get(type));
                }
            });
            all.addAll(b);
            md.append(row(type.label(), b));
        }
        md.append(row("**all**", all)).append('\n');

        md.append("## Per minute\n\n| minute | requests | errors | p50 ms | p99 ms | errors by type | server RSS MiB (last sample) |\n"
                + "| ---: | ---: | ---: | ---: | ---: | --- | ---: |\n");
        minutes.forEach((minute, byType) -> {
            Bucket b = new Bucket();
            StringBuilder errorsByType = new StringBuilder();
            byType.forEach((type, bucket) -> {
                b.addAll(bucket);
                if (bucket.errors() > 0) {
                    errorsByType.append(type.label()).append(' ').append(bucket.errors()).append(' ');
                }
            });
            long rss = memory.stream().filter(s -> s.at().toMinutes() == minute).mapToLong(MemorySample::rssKb)
                    .reduce((a, c) -> c).orElse(-1);
            md.append(String.format("| %d | %d | %d | %.1f | %.1f | %s | %s |%n", minute + 1, b.count(), b.errors(),
                    b.percentileMillis(0.50), b.percentileMillis(0.99),
                    errorsByType.isEmpty() ? "-" : errorsByType.toString().trim(), rss < 0 ? "-" : rss / 1024));
        });

        md.append("\n## Server memory (VmRSS every 5 s)\n\n");
        if (memory.isEmpty()) {
            md.append("Not sampled (no --server-pid).\n");
        } else {
            long min = memory.stream().mapToLong(MemorySample::rssKb).min().orElse(0);
            long max = memory.stream().mapToLong(MemorySample::rssKb).max().orElse(0);
            md.append(String.format("%d samples; min %d MiB, max %d MiB; first %d MiB, last %d MiB.%n%n```%n",
                    memory.size(), min / 1024, max / 1024, memory.get(0).rssKb() / 1024,
                    memory.get(memory.size() - 1).rssKb() / 1024));
            for (MemorySample s : memory) {
                md.append(String.format("%5ds %5d MiB%n", s.at().toSeconds(), s.rssKb() / 1024));
            }
            md.append("```\n");
        }
        md.append("\n## Errors (first ").append(errorSamples.size()).append(")\n\n");
        if (errorSamples.isEmpty()) {
            md.append("None.\n");
        }
        errorSamples.forEach(e -> md.append("- ").append(e.replace('\n', ' ')).append('\n'));
        return md.toString();
    }

    private static String row(String label, Bucket b) {
        return String.format("| %s | %d | %d | %.1f | %.1f |%n", label, b.count(), b.errors(), b.percentileMillis(0.50),
                b.percentileMillis(0.99));
    }

    private static String mix() {
        StringBuilder s = new StringBuilder();
        for (Type t : Type.values()) {
            s.append(s.isEmpty() ? "" : ", ").append(t.label()).append(' ').append(t.share).append(" %");
        }
        return s.toString();
    }
}
