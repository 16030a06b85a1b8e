package io.gatehouse.bench.scim;

import java.util.ArrayList;
import java.util.List;

/**
 * The first few failures verbatim: one wrong status repeated 20,000 times needs one example, not
 * 20,000 lines. Shared by all workers; failures are rare, so a plain lock is enough.
 */
final class ErrorSamples {

    private static final int MAX_BODY = 500;

    private final int capacity;
    private final List<String> samples = new ArrayList<>();

    ErrorSamples(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(RequestType type, String request, String problem, String body) {
        if (samples.size() < capacity) {
            samples.add(type.label() + " " + request + " -> " + problem
                    + (body == null || body.isEmpty() ? "" : ": " + abbreviate(body)));
        }
    }

    synchronized List<String> samples() {
        return List.copyOf(samples);
    }

    static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_BODY ? oneLine : oneLine.substring(0, MAX_BODY) + "…";
    }
}
