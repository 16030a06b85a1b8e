package io.gatehouse.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.events.EventPublisher;
import java.time.Duration;
import java.time.Instant;
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
