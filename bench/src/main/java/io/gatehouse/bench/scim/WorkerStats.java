package io.gatehouse.bench.scim;

/**
 * Latencies and error counts per request type, owned by one worker during a phase and merged into a
 * total afterwards (see {@link LatencyRecorder} for why there is no sharing while measuring).
 */
final class WorkerStats {

    private final LatencyRecorder[] latencies = new LatencyRecorder[RequestType.values().length];
    private final long[] errors = new long[RequestType.values().length];

    WorkerStats() {
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = new LatencyRecorder();
        }
    }

    void record(RequestType type, long nanos) {
        latencies[type.ordinal()].record(nanos);
    }

    void error(RequestType type) {
        errors[type.ordinal()]++;
    }

    void merge(WorkerStats other) {
        for (int i = 0; i < latencies.length; i++) {
            latencies[i].merge(other.latencies[i]);
            errors[i] += other.errors[i];
        }
    }

    LatencyRecorder latencies(RequestType type) {
        return latencies[type.ordinal()];
    }

    long errors(RequestType type) {
        return errors[type.ordinal()];
    }

    long totalErrors() {
        long total = 0;
        for (long e : errors) {
            total += e;
        }
        return total;
    }
}
