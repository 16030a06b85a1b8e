package com.example.product;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The {@code webhook-id}s already processed: Gatehouse delivers at least once, so the same message can arrive
 * again (a retry after a timeout, a resend from the support console) and must change nothing the second time.
 * Remembers the most recent {@value #CAPACITY} ids (a real product stores them with a TTL above the retry window).
 */
@Component
public class ReceivedWebhooks {

    static final int CAPACITY = 100_000;

    private final Map<String, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    /** True the first time this id is offered, false for a repeat. */
    public synchronized boolean firstTime(String webhookId) {
        return seen.putIfAbsent(webhookId, Boolean.TRUE) == null;
    }

    /** Forgets an id whose processing failed, so the redelivery is processed. */
    public synchronized void forget(String webhookId) {
        seen.remove(webhookId);
    }
}
