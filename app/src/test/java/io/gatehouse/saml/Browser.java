package io.gatehouse.saml;

import io.gatehouse.support.Http;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as sign-in needs one: keeps cookies (Set-Cookie in, Cookie out, Max-Age=0 deletes),
 * never follows redirects so tests see each hop, and reads the CSRF field out of a page. Cookie scope is
 * ignored (one host per browser), and so is the Secure flag, since tests talk plain HTTP to 127.0.0.1.
 */
final class Browser {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    Browser(String base) {
        this.base = base;
    }

    /** The same cookies against another node of the same deployment. */
    Browser at(String otherBase) {
        Browser other = new Browser(otherBase);
        other.cookies.putAll(cookies);
        return other;
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    Http.Response get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
    }

    Http.Response postForm(String pathOrUrl, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(pathOrUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The _csrf hidden field of a page this browser just received. */
    static String csrfToken(Http.Response page) {
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no CSRF field in " + page);
        }
        return m.group(1);
    }

    private Http.Response send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> r = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            r.headers().allValues("Set-Cookie").forEach(this::remember);
            return new Http.Response(r.statusCode(), r.body(), r.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void remember(String setCookie) {
        String[] parts = setCookie.split(";");
        String[] nameValue = parts[0].split("=", 2);
        String name = nameValue[0].trim();
        boolean expired = List.of(parts).stream().map(String::trim)
                .anyMatch(p -> p.equalsIgnoreCase("Max-Age=0") || p.startsWith("Expires=Thu, 01 Jan 1970"));
        if (expired || nameValue.length < 2 || nameValue[1].isEmpty()) {
            cookies.remove(name);
        } else {
            cookies.put(name, nameValue[1].trim());
        }
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
