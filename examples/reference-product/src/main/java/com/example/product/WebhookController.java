package com.example.product;

import com.example.product.WebhookVerifier.InvalidWebhookException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gatehouse's directory events, delivered as Standard Webhooks to {@code POST /webhooks/gatehouse}: verified
 * (signature over the exact bytes received, timestamp within 5 minutes), deduplicated by {@code webhook-id},
 * applied to the local copy of the users; {@code user.deactivated} and {@code user.deleted} end the user's
 * sessions here at once. 204 when processed (or already processed), 401 when the signature or timestamp is wrong,
 * 400 for a signed body that is not an event.
 */
@RestController
public class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final WebhookVerifier verifier;
    private final ReceivedWebhooks received;
    private final DirectoryCopy directory;
    private final ProductSessions sessions;
    private final JsonMapper json;

    @Autowired
    public WebhookController(GatehouseSettings settings, ReceivedWebhooks received, DirectoryCopy directory,
                             ProductSessions sessions, JsonMapper json) {
        this(new WebhookVerifier(settings.webhookSecrets(), settings.webhookTolerance(), Clock.systemUTC()),
                received, directory, sessions, json);
    }

    WebhookController(WebhookVerifier verifier, ReceivedWebhooks received, DirectoryCopy directory,
                      ProductSessions sessions, JsonMapper json) {
        this.verifier = verifier;
        this.received = received;
        this.directory = directory;
        this.sessions = sessions;
        this.json = json;
    }

    @PostMapping("/webhooks/gatehouse")
    public ResponseEntity<Void> receive(@RequestHeader(name = "webhook-id", required = false) String id,
                                        @RequestHeader(name = "webhook-timestamp", required = false) String timestamp,
                                        @RequestHeader(name = "webhook-signature", required = false) String signature,
                                        @RequestBody(required = false) byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        try {
            verifier.verify(id, timestamp, signature, bytes);
        } catch (InvalidWebhookException e) {
            log.warn("webhook refused: {}", e.getMessage());
            return ResponseEntity.status(401).build();
        }
        if (!received.firstTime(id)) {
            return ResponseEntity.noContent().build();
        }
        JsonNode event;
        try {
            event = json.readTree(bytes);
        } catch (JacksonException e) {
            received.forget(id);
            return ResponseEntity.badRequest().build();
        }
        try {
            handle(event);
        } catch (RuntimeException e) {
            received.forget(id);
            throw e;
        }
        return ResponseEntity.noContent().build();
    }

    void handle(JsonNode event) {
        directory.apply(event);
        String type = event.path("type").asString("");
        String userId = event.path("data").path("user").path("id").asString(null);
        if (userId != null && (type.equals("user.deactivated") || type.equals("user.deleted"))) {
            int ended = sessions.endUser(userId);
            log.info("{} for user {}: {} session(s) ended", type, userId, ended);
        }
    }
}
