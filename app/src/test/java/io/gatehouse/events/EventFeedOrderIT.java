package io.gatehouse.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Publishing;
import io.gatehouse.tenancy.CompanyId;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Feed positions follow commit order, not id order; old events are pruned in batches. */
class EventFeedOrderIT extends IntegrationTest {

    @Autowired
    EventOutbox outbox;
    @Autowired
    EventPublisher publisher;
    @Autowired
    EventFeed feed;
    @Autowired
    EventRetention retention;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    private void publishAll() {
        Publishing.publishAll(publisher, jdbc);
    }

    @Test
    void anEventThatCommitsLateIsPublishedAfterWhatWasAlreadyReadEvenWithALowerId() throws Exception {
        CompanyId company = CompanyId.parse(operator().createCompany("Order", "standard")).orElseThrow();
        publishAll();
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the slow transaction takes the lower id and commits last
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
            outbox.record(company, EventType.USER_CREATED, outbox.data().put("n", "slow"));
            inserted.countDown();
            await(release);
        }));
        assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
        tx.executeWithoutResult(status -> outbox.record(company, EventType.USER_CREATED, outbox.data().put("n", "fast")));
        publishAll();
        List<PublishedEvent> first = feed.ofCompany(company, 0, 10);
        assertThat(first).extracting(e -> feed.data(e).path("n").asString()).containsExactly("fast");
        long cursor = first.get(0).position();

        release.countDown();
        slow.get(30, TimeUnit.SECONDS);
        publishAll();
        List<PublishedEvent> after = feed.ofCompany(company, cursor, 10);
        assertThat(after).extracting(e -> feed.data(e).path("n").asString()).containsExactly("slow");
        assertThat(after.get(0).id()).isLessThan(first.get(0).id());
        assertThat(after.get(0).position()).isGreaterThan(cursor);
    }

    @Test
    void eventsOlderThanTheRetentionArePrunedInBatchesUpToTheFirstYoungerOne() {
        CompanyId company = CompanyId.parse(operator().createCompany("Retention", "standard")).orElseThrow();
        // The oldest rows of the table (ids below every real one), as a long-running deployment has them.
        int old = EventRetention.BATCH * 2 + 5;
        for (int i = 0; i <= old; i++) {
            Instant at = i < old ? Instant.now().minus(Duration.ofDays(31)) : Instant.now();
            long id = -(old + 1) + i;
            jdbc.sql("INSERT INTO directory_event (id, feed_position, company_id, type, occurred_at, payload)"
                            + " VALUES (?, ?, ?, 'user.updated', ?, '{}')")
                    .params(id, id, company.value(), Timestamp.from(at)).update();
        }
        assertThat(retention.prune()).isEqualTo(old);
        assertThat(jdbc.sql("SELECT id FROM directory_event WHERE company_id = ?").param(company.value())
                .query(Long.class).list()).containsExactly(-1L);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
