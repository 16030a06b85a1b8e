package io.gatehouse.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.IntegrationTest;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.TaskScheduler;

/**
 * The scheduled background tasks (event publisher, webhook delivery, directory statistics, housekeeping) share one
 * TaskScheduler. The webhook worker keeps its thread for as long as it has events to send, which during a large
 * initial sync is the whole sync: with a single scheduler thread (Java 17's platform-thread scheduler, Spring Boot's
 * default pool size 1) the publisher stopped numbering new events and the directory statistics stopped being
 * refreshed meanwhile (bench/run-events.sh: the feed's last position stood still for 10 s while 340 committed
 * events waited). A task that blocks must not hold back another.
 */
class BackgroundTasksIT extends IntegrationTest {

    @Autowired
    TaskScheduler scheduler;

    @Test
    void aLongRunningTaskDoesNotHoldBackAnother() throws InterruptedException {
        CountDownLatch otherRan = new CountDownLatch(1);
        CountDownLatch longOneDone = new CountDownLatch(1);
        scheduler.schedule(() -> {
            try {
                otherRan.await(10, TimeUnit.SECONDS); // like a delivery round with a backlog
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                longOneDone.countDown();
            }
        }, Instant.now());
        scheduler.schedule(otherRan::countDown, Instant.now().plusMillis(100)); // like the publisher's next round

        assertThat(otherRan.await(5, TimeUnit.SECONDS)).as("second task ran while the first was busy").isTrue();
        assertThat(longOneDone.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
