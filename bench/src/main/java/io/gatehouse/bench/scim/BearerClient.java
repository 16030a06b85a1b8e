package io.gatehouse.bench.scim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/**
 * One API root plus one bearer token over a shared {@link HttpClient}. Each call blocks its worker
 * thread, so the number of requests in flight equals the number of workers, as with a fixed-size
 * connection pool in a real provisioning client.
 */
final class BearerClient {

    /** Entra gives up on a request after 60 s (reference Part C 21); waiting longer measures nothing useful. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final String root;
    private final String token;
    private final String mediaType;

    BearerClient(HttpClient http, String root, String token, String mediaType) {
        this.http = http;
        this.root = root;
        this.token = token;
        this.mediaType = mediaType;
    }

    static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Sends one request and reads the whole body; the latency covers exactly that, from the first
     * byte written to the last byte read, as the provisioning service would experience it.
     *
     * @param body JSON text, or null for a request without a body
     */
    Response send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", mediaType + ", application/json");
        if (body == null) {
            request.method(method, BodyPublishers.noBody());
        } else {
            request.header("Content-Type", mediaType).method(method, BodyPublishers.ofString(body));
        }
        HttpRequest built = request.build();
        long start = System.nanoTime();
        var response = http.send(built, BodyHandlers.ofString());
        long nanos = System.nanoTime() - start;
        return new Response(response.statusCode(), response.body(), nanos);
    }

    record Response(int status, String body, long nanos) {
    }
}
