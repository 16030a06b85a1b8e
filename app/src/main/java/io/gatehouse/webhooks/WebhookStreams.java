package io.gatehouse.webhooks;

import io.gatehouse.events.EventPublisher;
import io.gatehouse.tenancy.CompanyId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opens the delivery streams of newly published events, in the publisher's transaction (so by its single writer,
 * without races): for each company that got events, every endpoint of an application serving it that has no stream
 * for the company yet gets one, starting just before the company's first event of this batch. An endpoint thus
 * receives the events published after it was registered (earlier ones: the events API).
 */
@Component
class WebhookStreams implements EventPublisher.Listener {

    private final JdbcClient jdbc;
    private final Clock clock;

    WebhookStreams(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void published(Map<CompanyId, Long> firstPositionByCompany) {
        Timestamp now = Timestamp.from(clock.instant());
        firstPositionByCompany.forEach((company, first) -> jdbc.sql("""
                INSERT INTO webhook_stream (endpoint_id, company_id, delivered_position, attempts, next_attempt_at)
                SELECT e.id, ?, ?, 0, ? FROM webhook_endpoint e JOIN product_application a ON a.id = e.application_id
                WHERE (a.serves_all_companies = TRUE OR EXISTS (SELECT 1 FROM product_application_company pc
                    WHERE pc.application_id = a.id AND pc.company_id = ?))
                  AND NOT EXISTS (SELECT 1 FROM webhook_stream s WHERE s.endpoint_id = e.id AND s.company_id = ?)
                """)
                .params(company.value(), first - 1, now, company.value(), company.value())
                .update());
    }
}
