package io.gatehouse.bench.scim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * One API root plus one bearer token over a shared connection pool. Each call blocks its worker thread, so the
 * number of requests in flight equals the number of workers, as with a fixed-size connection pool in a real
 * provisioning client.
 *
 * <p>Apache HttpClient's classic (blocking) API: the request is written and the response read on the worker's
 * own thread. The load generator shares the two cores with the server and the database, so its CPU per request
 * is taken from the server's: the JDK's {@code java.net.http.HttpClient}, which hands every exchange to its
 * selector thread and back, used ~0.46 ms of CPU per request here against the server's ~1 ms (BENCHMARKS.md).
 */
final class BearerClient {

    /** Entra gives up on a request after 60 s (reference Part C 21); waiting longer measures nothing useful. */
    static final Timeout REQUEST_TIMEOUT = Timeout.ofSeconds(60);

    private final CloseableHttpClient http;
    private final String root;
    private final String token;
    private final String mediaType;
    private final ContentType contentType;

    BearerClient(CloseableHttpClient http, String root, String token, String mediaType) {
        this.http = http;
        this.root = root;
        this.token = token;
        this.mediaType = mediaType;
        this.contentType = ContentType.create(mediaType, StandardCharsets.UTF_8);
    }

    /** A pooled client: keep-alive connections, no redirects, no retries (a failure is a result here). */
    static CloseableHttpClient newHttpClient() {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(256)
                .setMaxConnPerRoute(256)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(10, TimeUnit.SECONDS)
                        .setSocketTimeout(REQUEST_TIMEOUT)
                        .build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(REQUEST_TIMEOUT)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .build();
    }

    /**
     * Sends one request and reads the whole body; the latency covers exactly that, from the first
     * byte written to the last byte read, as the provisioning service would experience it.
     *
     * @param body JSON text, or null for a request without a body
     */
    Response send(String method, String path, String body) throws IOException {
        HttpUriRequestBase request = new HttpUriRequestBase(method, java.net.URI.create(root + path));
        request.setHeader("Authorization", "Bearer " + token);
        request.setHeader("Accept", mediaType + ", application/json");
        if (body != null) {
            request.setEntity(new StringEntity(body, contentType));
        }
        long start = System.nanoTime();
        return http.execute(request, response -> {
            String text = response.getEntity() == null
                    ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            return new Response(response.getCode(), text, System.nanoTime() - start);
        });
    }

    record Response(int status, String body, long nanos) {
    }
}
