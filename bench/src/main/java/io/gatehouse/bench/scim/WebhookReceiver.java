package io.gatehouse.bench.scim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook receiver for {@link EventsBench} on 127.0.0.1 (plain JDK {@code com.sun.net.httpserver}), in the same JVM
 * as the SCIM driver so that both read one clock, {@link System#nanoTime()}. Each POST is verified as a Standard
 * Webhooks consumer does it ({@code webhook-signature} = {@code v1,base64(HMAC-SHA256(key, id.timestamp.body))},
 * the key being what the {@code whsec_} secret's base64 part decodes to; any of the space-separated signatures may
 * match; the timestamp within 5 minutes; the body's {@code id} equal to {@code webhook-id}). A verified event is
 * acknowledged with 204 and counted once per {@code webhook-id} (a repeat is counted as a duplicate); its receive
 * time (when the whole body was read) is kept, and for {@code user.created} also by the user's id, to be matched
 * with the time the SCIM create returned. A request that fails verification is answered 401 and counted.
 */
final class WebhookReceiver implements AutoCloseable {

    static final String PATH = "/hook";
    static final long TOLERANCE_SECONDS = 300;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService executor;
    private volatile byte[] key;
    /** webhook-id → receive time of the first delivery. */
    private final Map<String, Long> firstReceived = new ConcurrentHashMap<>();
    /** user id of a user.created event → its receive time. */
    private final Map<String, Long> userCreated = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> byType = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    private WebhookReceiver(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Listens on 127.0.0.1:{@code port} (0: any free port). */
    static WebhookReceiver start(int port) throws IOException {
        // answer without Nagle's delay, as a production receiver behind a proxy would (read once, at first use)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "webhook-receiver");
            thread.setDaemon(true);
            return thread;
        });
        WebhookReceiver receiver = new WebhookReceiver(server, executor);
        server.createContext(PATH, receiver::handle);
        server.setExecutor(executor);
        server.start();
        return receiver;
    }

    /** The endpoint URL to register (an http loopback URL: the server needs allow-http-loopback). */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** The endpoint's signing secret, {@code whsec_<base64>}, as the registration answered it. */
    void secret(String secret) {
        if (!secret.startsWith("whsec_")) {
            throw new IllegalArgumentException("not a Standard Webhooks secret");
        }
        key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        // HttpExchange is AutoCloseable only from Java 18 on; the build baseline is 17
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            long receivedAt = System.nanoTime();
            requests.incrementAndGet();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            JsonNode event = accepted(exchange, id, body);
            if (event == null) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            if (firstReceived.putIfAbsent(id, receivedAt) != null) {
                duplicates.incrementAndGet();
            } else {
                String type = event.path("type").asString("");
                byType.computeIfAbsent(type, t -> new AtomicLong()).incrementAndGet();
                if (type.equals("user.created")) {
                    userCreated.putIfAbsent(event.path("data").path("user").path("id").asString(""), receivedAt);
                }
            }
            exchange.sendResponseHeaders(204, -1);
        } finally {
            exchange.close();
        }
    }

    /** The parsed event if the request verifies, else null. */
    private JsonNode accepted(HttpExchange exchange, String id, byte[] body) {
        byte[] k = key;
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
        if (k == null || id == null || !"POST".equals(exchange.getRequestMethod())
                || !verify(k, id, timestamp, signatures, body, System.currentTimeMillis() / 1000)) {
            return null;
        }
        try {
            JsonNode event = JSON.readTree(body);
            return id.equals(event.path("id").asString(null)) ? event : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Standard Webhooks verification of the raw body; {@code nowSeconds}: Unix time of the receiver's clock. */
    static boolean verify(byte[] key, String id, String timestamp, String signatureHeader, byte[] body,
                          long nowSeconds) {
        if (timestamp == null || signatureHeader == null) {
            return false;
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(nowSeconds - ts) > TOLERANCE_SECONDS) {
            return false;
        }
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            expected = Base64.getEncoder().encode(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
        for (String signature : signatureHeader.split(" ")) {
            if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                    signature.substring(3).getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    /** Distinct events received (by webhook-id). */
    long unique() {
        return firstReceived.size();
    }

    long requests() {
        return requests.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    long refused() {
        return refused.get();
    }

    /** The receive time of the user.created event of {@code userId}, or null. */
    Long userCreatedAt(String userId) {
        return userCreated.get(userId);
    }

    /** The first receive time of every distinct event, in no particular order. */
    long[] receiveTimes() {
        return firstReceived.values().stream().mapToLong(Long::longValue).toArray();
    }

    /** Distinct events by type, sorted by type. */
    Map<String, Long> countsByType() {
        Map<String, Long> counts = new TreeMap<>();
        byType.forEach((type, n) -> counts.put(type, n.get()));
        return counts;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
