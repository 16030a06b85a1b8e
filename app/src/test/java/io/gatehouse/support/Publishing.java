package io.gatehouse.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.events.EventPublisher;
import io.gatehouse.webhooks.WebhookDelivery;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Publishes every committed directory event before a test reads the feed. The scheduled publisher runs beside the
 * test and may hold the feed lock at that moment ({@link EventPublisher#publish()} then answers 0 without waiting),
 * so "publish until it answers 0" is not enough: this also waits until no committed event is left unpublished.
 */
public final class Publishing {

    private Publishing() {
    }

    public static void publishAll(EventPublisher publisher, JdbcClient jdbc) {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            int published = publisher.publish();
            if (published == 0 && unpublished(jdbc) == 0) {
                return;
            }
            assertThat(Instant.now()).as("committed events still unpublished").isBefore(end);
            if (published == 0) {
                pause();
            }
        }
    }

    /**
     * Publishes and runs one round of the webhook worker every 50 ms until {@code done} holds (the scheduled worker is
     * slowed to an hour in the tests, so they drive delivery themselves); fails when {@code within} has passed.
     */
    public static void deliverUntil(EventPublisher publisher, WebhookDelivery worker, BooleanSupplier done,
                                    Duration within) throws InterruptedException {
        Instant end = Instant.now().plus(within);
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as("not delivered in time").isBefore(end);
            publisher.publish();
            worker.runOnce();
            Thread.sleep(50);
        }
    }

    private static long unpublished(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM directory_event WHERE feed_position IS NULL").query(Long.class).single();
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
