package io.gatehouse.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.events.EventPublisher;
import io.gatehouse.support.Applications;
import io.gatehouse.support.Http;
import io.gatehouse.support.Publishing;
import io.gatehouse.support.Operator;
import io.gatehouse.support.Scim;
import io.gatehouse.webhooks.Receiver;
import io.gatehouse.webhooks.WebhookDelivery;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The support console's webhook endpoint page: the delivery log, *Resend* (POST with CSRF, redirect back, audited)
 * and *Enable*; a delivery is reached only through its own application and endpoint, and refusals are pages.
 */
class SupportWebhooksIT extends SupportConsoleTest {

    private static final Pattern ROW = Pattern.compile("<tr data-delivery=\"(evt_[0-9]+)\" data-state=\"([a-z_]+)\">"
            + "([\\s\\S]*?)</tr>");

    @Autowired
    WebhookDelivery worker;
    @Autowired
    EventPublisher publisher;

    /** A company and an application serving it with one endpoint at the receiver; one event delivered. */
    record Setup(String company, String app, String endpoint, String page, String webhookId) {}

    private Setup setup(Receiver receiver) throws InterruptedException {
        Operator.TestCompany c = operator().premiumCompanyWithToken();
        String app = new Applications(http()).serving(c.id()).id();
        Http.Response r = operator().call("POST", "/applications/" + app + "/webhooks",
                "{\"url\":\"" + receiver.url() + "/hook\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String endpoint = r.json().path("id").asString();
        int before = receiver.requests.size();
        new Scim(http(), c.scimToken()).createUser("alice@contoso.test");
        deliverUntil(() -> receiver.requests.size() > before);
        JsonNode log = operator().call("GET", "/applications/" + app + "/webhooks/" + endpoint + "/deliveries", null)
                .json();
        String first = log.get(log.size() - 1).path("eventId").asString();
        return new Setup(c.id(), app, endpoint, "/support/applications/" + app + "/webhooks/" + endpoint, first);
    }

    private void deliverUntil(BooleanSupplier done) throws InterruptedException {
        Publishing.deliverUntil(publisher, worker, done, Duration.ofSeconds(20));
    }

    private static Map<String, String[]> rows(String page) {
        Map<String, String[]> rows = new java.util.LinkedHashMap<>();
        Matcher m = ROW.matcher(page);
        while (m.find()) {
            rows.put(m.group(1), new String[] {m.group(2), m.group(3)});
        }
        return rows;
    }

    private static long sent(Receiver receiver, String webhookId) {
        return receiver.ids().stream().filter(webhookId::equals).count();
    }

    private static Http.Response resend(WebClient support, Setup s, String pagePath, String webhookId) {
        return support.postWithCsrf(s.page(), pagePath + "/deliveries/" + webhookId + "/resend", Map.of());
    }

    @Test
    void theEndpointPageListsItsDeliveriesAndResendSendsTheEventAgainAfterARedirect() throws Exception {
        try (Receiver receiver = new Receiver(n -> 204, 0)) {
            Setup s = setup(receiver);
            WebClient support = supportTeam();
            assertThat(support.get("/support/applications/" + s.app()).body()).contains("Delivery log")
                    .contains(s.page());

            Http.Response page = support.get(s.page());
            assertThat(page.status()).isEqualTo(200);
            String webhookId = s.webhookId();
            String[] row = rows(page.body()).get(webhookId);
            assertThat(row).as(page.body()).isNotNull();
            assertThat(row[0]).isEqualTo("delivered");
            String type = receiver.requests.stream().filter(q -> webhookId.equals(q.headers().get("webhook-id")))
                    .map(q -> Http.JSON.readTree(q.body()).path("type").asString()).findFirst().orElseThrow();
            assertThat(row[1]).contains(type).contains(webhookId).contains("HTTP 204")
                    .contains("<td class=\"attempts\">1</td>");

            Http.Response resent = resend(support, s, s.page(), webhookId);
            assertThat(resent.status()).isEqualTo(302);
            assertThat(location(resent)).isEqualTo(s.page());
            String after = support.get(s.page()).body();
            assertThat(after).contains("Resend of " + webhookId + " scheduled");
            assertThat(rows(after).get(webhookId)[0]).isEqualTo("resend_pending");

            deliverUntil(() -> sent(receiver, webhookId) == 2);
            String done = support.get(s.page()).body();
            assertThat(rows(done).get(webhookId)[0]).isEqualTo("delivered");
            assertThat(rows(done).get(webhookId)[1]).contains("<td class=\"attempts\">2</td>");
            assertThat(done).doesNotContain("Resend of"); // the notice was for the answer only

            JsonNode log = operator().call("GET", "/applications/" + s.app() + "/audit-log", null).json();
            assertThat(log.toString()).contains("WEBHOOK_DELIVERY_RESENT").contains(webhookId);
        }
    }

    @Test
    void anotherApplicationsDeliveryCannotBeResentOrSeenThroughThisOnesPages() throws Exception {
        try (Receiver receiver = new Receiver(n -> 204, 0)) {
            Setup mine = setup(receiver);
            Setup theirs = setup(receiver);
            String theirEvent = theirs.webhookId();
            WebClient support = supportTeam();
            int before = receiver.requests.size();

            String crossed = "/support/applications/" + mine.app() + "/webhooks/" + theirs.endpoint();
            assertThat(support.get(crossed).status()).isEqualTo(404);
            assertThat(support.get(mine.page()).body()).doesNotContain(theirEvent);
            for (Http.Response r : java.util.List.of(resend(support, mine, mine.page(), theirEvent),
                    resend(support, mine, crossed, theirEvent), resend(support, mine, mine.page(), "evt_x"))) {
                assertThat(r.status()).isEqualTo(404);
                assertThat(r.body()).contains("Not found");
            }
            worker.runOnce();
            assertThat(receiver.requests).hasSize(before);
            assertThat(operator().call("GET", "/applications/" + mine.app() + "/audit-log", null).json().toString())
                    .contains("WEBHOOK_DELIVERY_RESENT").contains("REFUSED");
        }
    }

    @Test
    void aDisabledEndpointRefusesResendWithAPageUntilEnableIsPressed() throws Exception {
        try (Receiver receiver = new Receiver(n -> 204, 0)) {
            Setup s = setup(receiver);
            String webhookId = s.webhookId();
            WebClient support = supportTeam();
            Http.Response off = support.postWithCsrf(s.page(), s.page() + "/enabled", Map.of("enabled", "false"));
            assertThat(off.status()).isEqualTo(302);
            assertThat(support.get(s.page()).body()).contains("id=\"enable-endpoint\"");

            Http.Response refused = resend(support, s, s.page(), webhookId);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body()).contains("Not possible now").contains("does not enable it");

            Http.Response on = support.postWithCsrf(s.page(), s.page() + "/enabled", Map.of("enabled", "true"));
            assertThat(on.status()).isEqualTo(302);
            assertThat(operator().call("GET", "/applications/" + s.app() + "/webhooks/" + s.endpoint(), null).json()
                    .path("enabled").asBoolean()).isTrue();
            assertThat(resend(support, s, s.page(), webhookId).status()).isEqualTo(302);
            deliverUntil(() -> sent(receiver, webhookId) == 2);
        }
    }
}
