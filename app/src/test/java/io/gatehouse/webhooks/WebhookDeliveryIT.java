package io.gatehouse.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.application.ApplicationId;
import io.gatehouse.application.ProductApplications;
import io.gatehouse.audit.DeploymentAuditLog;
import io.gatehouse.events.EventFeed;
import io.gatehouse.events.EventPublisher;
import io.gatehouse.events.EventsProperties;
import io.gatehouse.support.Applications;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Publishing;
import io.gatehouse.support.Operator;
import io.gatehouse.support.Scim;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Webhook delivery against receivers on 127.0.0.1 (the development setting of the test servers). The worker is
 * driven by the tests (its schedule is off in tests, IntegrationTest); request timeout 1 s, lease 3 s, first retry
 * 0.2 s, retry window 5 s.
 */
class WebhookDeliveryIT extends IntegrationTest {

    @Autowired
    WebhookDelivery worker;
    @Autowired
    EventPublisher publisher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    EventFeed feed;
    @Autowired
    WebhookEndpoints endpoints;
    @Autowired
    ProductApplications applications;
    @Autowired
    DeploymentAuditLog audit;
    @Autowired
    EventsProperties properties;

    /** A company, an application serving it with an endpoint at {@code receiver}: ids and the secret. */
    record Setup(String company, Scim scim, String app, String endpoint, String secret) {}

    private Setup setup(Receiver receiver) {
        Operator.TestCompany c = operator().premiumCompanyWithToken();
        String app = new Applications(http()).serving(c.id()).id();
        Http.Response r = operator().call("POST", "/applications/" + app + "/webhooks",
                "{\"url\":\"" + receiver.url() + "/hook\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("secret").asString()).startsWith("whsec_");
        return new Setup(c.id(), new Scim(http(), c.scimToken()), app, r.json().path("id").asString(),
                r.json().path("secret").asString());
    }

    private void deliverUntil(BooleanSupplier done, Duration within) throws InterruptedException {
        Publishing.deliverUntil(publisher, worker, done, within);
    }

    private static List<Receiver.Request> created(Receiver receiver) {
        return receiver.requests.stream().filter(r -> r.body().contains("\"user.created\"")).toList();
    }

    private List<String> outcomes(Setup s) {
        return jdbc.sql("SELECT outcome FROM webhook_delivery WHERE endpoint_id = ? ORDER BY id")
                .param(java.util.UUID.fromString(s.endpoint())).query(String.class).list();
    }

    @Test
    void theSignatureVerifiesWithTheReferenceAlgorithmAndATamperedBodyOrOldTimestampFails() throws Exception {
        try (Receiver receiver = new Receiver(n -> 204, 0)) {
            Setup s = setup(receiver);
            String user = s.scim().createUser("alice@contoso.test");
            deliverUntil(() -> !created(receiver).isEmpty(), Duration.ofSeconds(20));
            Receiver.Request r = created(receiver).get(0);
            assertThat(r.path()).isEqualTo("/hook");
            JsonNode body = Http.JSON.readTree(r.body());
            assertThat(body.path("data").path("user").path("id").asString()).isEqualTo(user);
            String id = r.headers().get("webhook-id");
            String ts = r.headers().get("webhook-timestamp");
            String sig = r.headers().get("webhook-signature");
            assertThat(id).isEqualTo(body.path("id").asString());
            Instant now = Instant.now();
            assertThat(StandardWebhooksVerifier.verify(s.secret(), id, ts, sig, r.body(), now)).isTrue();
            assertThat(StandardWebhooksVerifier.verify(s.secret(), id, ts, sig, r.body().replace("alice", "alicf"),
                    now)).isFalse();
            assertThat(StandardWebhooksVerifier.verify(s.secret(), id, ts, sig, r.body(),
                    Instant.ofEpochSecond(Long.parseLong(ts)).plusSeconds(301))).isFalse();
            assertThat(StandardWebhooksVerifier.verify(WebhookSignature.newSecret(), id, ts, sig, r.body(), now))
                    .isFalse();

            // rotation: both secrets sign until the previous one expires
            Http.Response rotated = operator().call("POST", "/applications/" + s.app() + "/webhooks/" + s.endpoint()
                    + "/secrets", null);
            String newSecret = rotated.json().path("secret").asString();
            s.scim().createUser("bob@contoso.test");
            deliverUntil(() -> created(receiver).size() >= 2, Duration.ofSeconds(20));
            Receiver.Request third = created(receiver).get(1);
            for (String secret : List.of(s.secret(), newSecret)) {
                assertThat(StandardWebhooksVerifier.verify(secret, third.headers().get("webhook-id"),
                        third.headers().get("webhook-timestamp"), third.headers().get("webhook-signature"),
                        third.body(), Instant.now())).isTrue();
            }
        }
    }

    @Test
    void aReceiverThatAnswers500IsRetriedWithTheSameWebhookId() throws Exception {
        try (Receiver receiver = new Receiver(n -> n < 2 ? 500 : 200, 0)) {
            Setup s = setup(receiver);
            s.scim().createUser("alice@contoso.test");
            deliverUntil(() -> receiver.requests.size() >= 3, Duration.ofSeconds(20));
            assertThat(receiver.ids().subList(0, 3)).containsOnly(receiver.ids().get(0));
            assertThat(outcomes(s).subList(0, 3)).containsExactly("FAILED", "FAILED", "DELIVERED");
        }
    }

    @Test
    void aHangingReceiverOrARedirectIsAFailedAttemptAndTheRedirectIsNotFollowed() throws Exception {
        try (Receiver hanging = new Receiver(n -> 200, 2_500); Receiver redirecting = new Receiver(n -> 302, 0)) {
            Setup slow = setup(hanging);
            Setup moved = setup(redirecting);
            slow.scim().createUser("alice@contoso.test");
            moved.scim().createUser("alice@contoso.test");
            deliverUntil(() -> outcomes(slow).contains("FAILED") && outcomes(moved).contains("FAILED"),
                    Duration.ofSeconds(20));
            assertThat(redirecting.requests).allSatisfy(r -> assertThat(r.path()).isEqualTo("/hook"));
            String error = jdbc.sql("SELECT error FROM webhook_delivery WHERE endpoint_id = ? ORDER BY id LIMIT 1")
                    .param(java.util.UUID.fromString(slow.endpoint())).query(String.class).single();
            assertThat(error).contains("no answer within");
        }
    }

    @Test
    void aDeliveryWhoseWorkerDiedIsRedeliveredWhenItsLeaseRunsOut() throws Exception {
        try (Receiver receiver = new Receiver(n -> 204, 0)) {
            setup(receiver).scim().createUser("alice@contoso.test");
            Publishing.publishAll(publisher, jdbc);
            // a worker claims the stream and dies before sending
            assertThat(worker.claim(100)).isNotEmpty();
            worker.runOnce();
            assertThat(receiver.requests).isEmpty();
            Thread.sleep(properties.webhooks().lease().toMillis() + 200);
            deliverUntil(() -> !receiver.requests.isEmpty(), Duration.ofSeconds(20));
        }
    }

    @Test
    void twoWorkersOnOneDatabaseDeliverEachEventOnce() throws Exception {
        try (Receiver receiver = new Receiver(n -> 204, 0)) {
            List<Setup> setups = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Setup s = setup(receiver);
                setups.add(s);
                for (int u = 0; u < 10; u++) {
                    s.scim().createUser("user" + u + "@contoso.test");
                }
            }
            int expected = setups.size() * 10;
            WebhookDelivery other = new WebhookDelivery(jdbc, tx, feed, endpoints, applications, audit,
                    Clock.systemUTC(), properties, Duration.ofMillis(200));
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
                Instant end = Instant.now().plusSeconds(30);
                while (created(receiver).size() < expected && Instant.now().isBefore(end)) {
                    other.runOnce();
                }
            });
            deliverUntil(() -> created(receiver).size() >= expected, Duration.ofSeconds(30));
            second.get();
            Thread.sleep(500);
            worker.runOnce();
            assertThat(created(receiver)).hasSize(expected);
            assertThat(receiver.ids()).doesNotHaveDuplicates();
        }
    }

    @Test
    void anEndpointFailingBeyondTheRetryWindowIsDisabledWithAnAuditEntry() throws Exception {
        try (Receiver receiver = new Receiver(n -> 503, 0)) {
            Setup s = setup(receiver);
            s.scim().createUser("alice@contoso.test");
            ApplicationId app = ApplicationId.parse(s.app()).orElseThrow();
            java.util.UUID endpoint = java.util.UUID.fromString(s.endpoint());
            deliverUntil(() -> !endpoints.find(app, endpoint).enabled(), Duration.ofSeconds(30));
            assertThat(endpoints.find(app, endpoint).disabledReason()).contains("answered 503");
            assertThat(audit.recent(DeploymentAuditLog.APPLICATION, s.app(), 10))
                    .anySatisfy(e -> assertThat(e.action()).isEqualTo("WEBHOOK_ENDPOINT_DISABLED"));
            Http.Response log = operator().call("GET", "/applications/" + s.app() + "/webhooks/" + s.endpoint()
                    + "/deliveries?limit=5", null);
            assertThat(log.status()).isEqualTo(200);
            assertThat(log.json().get(0).path("outcome").asString()).isEqualTo("FAILED");
        }
    }

    private Http.Response resend(Setup s, String endpoint, String webhookId) {
        return operator().call("POST", "/applications/" + s.app() + "/webhooks/" + endpoint + "/deliveries/"
                + webhookId + "/resend", null);
    }

    @Test
    void aResendIsOneMoreSignedAttemptWithTheSameWebhookIdInTheLogAndAudited() throws Exception {
        try (Receiver receiver = new Receiver(n -> 204, 0)) {
            Setup s = setup(receiver);
            s.scim().createUser("alice@contoso.test");
            deliverUntil(() -> !created(receiver).isEmpty(), Duration.ofSeconds(20));
            String webhookId = created(receiver).get(0).headers().get("webhook-id");
            int before = receiver.requests.size();

            Http.Response r = resend(s, s.endpoint(), webhookId);
            assertThat(r.status()).as(r.body()).isEqualTo(202);
            assertThat(r.json().path("webhookId").asString()).isEqualTo(webhookId);
            assertThat(r.json().path("state").asString()).isEqualTo("resend_pending");
            assertThat(r.json().path("eventType").asString()).isEqualTo("user.created");
            assertThat(r.json().path("nextAttemptAt").isNull()).isFalse();
            // asked twice before the worker ran: still one resend
            assertThat(resend(s, s.endpoint(), webhookId).status()).isEqualTo(202);

            deliverUntil(() -> receiver.requests.size() > before, Duration.ofSeconds(20));
            Thread.sleep(200);
            worker.runOnce();
            assertThat(receiver.requests).hasSize(before + 1);
            Receiver.Request again = receiver.requests.get(before);
            assertThat(again.headers().get("webhook-id")).isEqualTo(webhookId);
            assertThat(again.body()).isEqualTo(created(receiver).get(0).body());
            assertThat(StandardWebhooksVerifier.verify(s.secret(), webhookId, again.headers().get("webhook-timestamp"),
                    again.headers().get("webhook-signature"), again.body(), Instant.now())).isTrue();

            JsonNode log = operator().call("GET", "/applications/" + s.app() + "/webhooks/" + s.endpoint()
                    + "/deliveries", null).json();
            JsonNode last = log.get(0);
            assertThat(last.path("eventId").asString()).isEqualTo(webhookId);
            assertThat(last.path("attempt").asInt()).isEqualTo(2);
            assertThat(last.path("resent").asBoolean()).isTrue();
            assertThat(last.path("outcome").asString()).isEqualTo("DELIVERED");
            assertThat(audit.recent(DeploymentAuditLog.APPLICATION, s.app(), 10)).filteredOn(e ->
                    e.action().equals("WEBHOOK_DELIVERY_RESENT")).hasSize(2)
                    .allSatisfy(e -> assertThat(e.detail()).contains(webhookId).contains(s.endpoint()));
        }
    }

    @Test
    void aDeliveryIsResentOnlyThroughTheEndpointAndApplicationItWasAttemptedAt() throws Exception {
        try (Receiver receiver = new Receiver(n -> 204, 0)) {
            Setup mine = setup(receiver);
            Setup theirs = setup(receiver);
            mine.scim().createUser("alice@contoso.test");
            theirs.scim().createUser("bob@fabrikam.test");
            deliverUntil(() -> created(receiver).size() >= 2, Duration.ofSeconds(20));
            String theirEvent = endpoints.deliveries(ApplicationId.parse(theirs.app()).orElseThrow(),
                    java.util.UUID.fromString(theirs.endpoint()), 1).get(0).eventId();
            int before = receiver.requests.size();

            // their event through my endpoint, my application with their endpoint, unknown and malformed ids
            for (Http.Response r : List.of(resend(mine, mine.endpoint(), theirEvent),
                    resend(mine, theirs.endpoint(), theirEvent), resend(mine, mine.endpoint(), "evt_999999999"),
                    resend(mine, mine.endpoint(), "nonsense"),
                    resend(mine, java.util.UUID.randomUUID().toString(), theirEvent))) {
                assertThat(r.status()).as(r.body()).isEqualTo(404);
                assertThat(r.json().path("error").asString()).isEqualTo("not_found");
                assertThat(r.json().path("detail").asString()).isNotBlank();
            }
            assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_resend").query(Long.class).single()).isZero();
            worker.runOnce();
            assertThat(receiver.requests).hasSize(before);
            assertThat(audit.recent(DeploymentAuditLog.APPLICATION, mine.app(), 20)).filteredOn(e ->
                    e.action().equals("WEBHOOK_DELIVERY_RESENT")).hasSize(5)
                    .allSatisfy(e -> assertThat(e.outcome()).isEqualTo("REFUSED"));
        }
    }

    @Test
    void aResendToADisabledEndpointIsRefusedWith409AndEnablesNothing() throws Exception {
        try (Receiver receiver = new Receiver(n -> 204, 0)) {
            Setup s = setup(receiver);
            s.scim().createUser("alice@contoso.test");
            deliverUntil(() -> !created(receiver).isEmpty(), Duration.ofSeconds(20));
            String webhookId = receiver.ids().get(0);
            assertThat(operator().call("PATCH", "/applications/" + s.app() + "/webhooks/" + s.endpoint(),
                    "{\"enabled\":false}").status()).isEqualTo(200);

            Http.Response r = resend(s, s.endpoint(), webhookId);
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(r.json().path("error").asString()).isEqualTo("conflict");
            assertThat(r.json().path("detail").asString()).contains("disabled").contains("does not enable it");
            assertThat(endpoints.find(ApplicationId.parse(s.app()).orElseThrow(),
                    java.util.UUID.fromString(s.endpoint())).enabled()).isFalse();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_resend").query(Long.class).single()).isZero();
            assertThat(audit.recent(DeploymentAuditLog.APPLICATION, s.app(), 5)).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo("WEBHOOK_DELIVERY_RESENT");
                assertThat(e.outcome()).isEqualTo("REFUSED");
                assertThat(e.detail()).contains("409");
            });
        }
    }

    @Test
    void anEndpointUrlThatIsNotHttpsToAPublicAddressIsRefusedByField() {
        String app = new Applications(http()).servingAllCompanies().id();
        for (String url : List.of("http://93.184.216.34/hook", "https://169.254.169.254/latest", "https://10.0.0.1/")) {
            Http.Response r = operator().call("POST", "/applications/" + app + "/webhooks", "{\"url\":\"" + url + "\"}");
            assertThat(r.status()).as(url).isEqualTo(400);
            assertThat(r.json().path("field").asString()).isEqualTo("url");
        }
    }
}
