package io.gatehouse.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntUnaryOperator;

/** A webhook receiver on 127.0.0.1: answers the n-th request (from 0) with {@code status.applyAsInt(n)}. */
public final class Receiver implements AutoCloseable {

    public record Request(String path, Map<String, String> headers, String body) {}

    public final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    public Receiver(IntUnaryOperator status, long delayMillis) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", exchange -> answer(exchange, status, delayMillis));
        server.start();
    }

    private void answer(HttpExchange exchange, IntUnaryOperator status, long delayMillis) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int n = requests.size();
        requests.add(new Request(exchange.getRequestURI().getPath(), Map.of(
                "webhook-id", header(exchange, "webhook-id"), "webhook-timestamp", header(exchange, "webhook-timestamp"),
                "webhook-signature", header(exchange, "webhook-signature")), body));
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int code = status.applyAsInt(n);
        if (code >= 300 && code < 400) {
            exchange.getResponseHeaders().add("Location", url() + "/elsewhere");
        }
        exchange.sendResponseHeaders(code, -1);
        exchange.close();
    }

    private static String header(HttpExchange exchange, String name) {
        String v = exchange.getRequestHeaders().getFirst(name);
        return v == null ? "" : v;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<String> ids() {
        return requests.stream().map(r -> r.headers().get("webhook-id")).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
