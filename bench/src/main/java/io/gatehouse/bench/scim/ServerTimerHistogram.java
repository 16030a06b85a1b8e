package io.gatehouse.bench.scim;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's own latency histogram of one endpoint, read from {@code /actuator/prometheus}
 * ({@code http_server_requests_seconds_bucket}, cumulative counts per upper bound), so a benchmark can put the time
 * the server measured beside the time its client measured: the difference is the HTTP parsing and writing outside
 * the server's timer, the network stack, the client and the scheduling of all of them on shared cores.
 */
record ServerTimerHistogram(TreeMap<Double, Double> cumulative) {

    private static final Pattern BUCKET = Pattern.compile(
            "^http_server_requests_seconds_bucket\\{([^}]*)} ([0-9.eE+-]+)$", Pattern.MULTILINE);
    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    /** Buckets of the requests with this method, uri template and status, summed over the other labels. */
    static ServerTimerHistogram parse(String prometheusText, String method, String uri, String status) {
        TreeMap<Double, Double> counts = new TreeMap<>();
        Matcher line = BUCKET.matcher(prometheusText);
        while (line.find()) {
            String labels = line.group(1);
            if (!labels.contains("method=\"" + method + "\"") || !labels.contains("uri=\"" + uri + "\"")
                    || !labels.contains("status=\"" + status + "\"")) {
                continue;
            }
            Matcher le = LE.matcher(labels);
            if (le.find()) {
                double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
                counts.merge(bound, Double.parseDouble(line.group(2)), Double::sum);
            }
        }
        return new ServerTimerHistogram(counts);
    }

    /** The requests counted between {@code earlier} and this reading. */
    ServerTimerHistogram minus(ServerTimerHistogram earlier) {
        TreeMap<Double, Double> delta = new TreeMap<>();
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            delta.put(bucket.getKey(), bucket.getValue() - earlier.cumulative.getOrDefault(bucket.getKey(), 0.0));
        }
        return new ServerTimerHistogram(delta);
    }

    double count() {
        return cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
    }

    /** Upper bound, in milliseconds, of the bucket holding quantile q (nearest rank); NaN without requests. */
    double quantileUpperBoundMs(double q) {
        double total = count();
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = Math.ceil(q * total - 1e-9);
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= rank) {
                return bucket.getKey() * 1000;
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
