package io.gatehouse.saml;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Downloads IdP metadata from the URL an admin gave (Entra's App Federation Metadata Url). Short timeouts,
 * a size cap and no redirects: this runs on an operator request and on a schedule, and must neither hang
 * nor be steered somewhere else.
 */
@Component
class MetadataFetcher {

    /** Metadata we accept and store; real Entra documents are 15-30 KB. */
    static final int MAX_BYTES = 1_000_000;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final boolean allowHttp;

    /** @param allowHttp plain http URLs, for tests against a local server only; production requires https */
    MetadataFetcher(@Value("${gatehouse.saml.metadata-fetch.allow-http:false}") boolean allowHttp) {
        this.allowHttp = allowHttp;
    }

    /** A failed download, said in words an operator can act on. */
    static final class FetchException extends Exception {
        FetchException(String message) {
            super(message, null, false, false);
        }
    }

    /** Checks the URL's form; throws InvalidConnectionException on field "metadataUrl". */
    URI validate(String url) {
        URI uri;
        try {
            uri = url == null || url.isBlank() || url.length() > 2048 ? null : new URI(url.trim());
        } catch (URISyntaxException e) {
            uri = null;
        }
        boolean https = uri != null && "https".equalsIgnoreCase(uri.getScheme());
        boolean http = uri != null && "http".equalsIgnoreCase(uri.getScheme());
        if (uri == null || uri.getHost() == null || !(https || (allowHttp && http)) || uri.getRawUserInfo() != null) {
            throw InvalidConnectionException.of("metadataUrl", "an absolute https URL of at most 2048 characters "
                    + "is required, e.g. Entra's \"App Federation Metadata Url\"");
        }
        return uri;
    }

    byte[] fetch(URI uri) throws FetchException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/samlmetadata+xml, application/xml, text/xml").GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    String where = response.headers().firstValue("Location").map(l -> " (redirects to " + l + ")")
                            .orElse("");
                    throw new FetchException("the metadata URL answered HTTP " + response.statusCode() + where);
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new FetchException("the metadata document is larger than " + MAX_BYTES + " bytes");
                }
                return bytes;
            }
        } catch (HttpTimeoutException e) {
            throw new FetchException("the metadata URL did not answer within " + REQUEST_TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            throw new FetchException("the metadata URL could not be read (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted while fetching the metadata");
        }
    }
}
