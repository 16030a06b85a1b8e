package io.gatehouse.cluster;

import io.gatehouse.support.EntraBodies;
import io.gatehouse.support.IntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One application node as a provider or the support team reaches it: real HTTP to its own port. (The shared
 * {@code support.Http} client cannot be pointed at another port from this package, hence this small twin.)
 */
record Node(String name, String base) {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    static final JsonMapper JSON = JsonMapper.builder().build();

    Response send(String method, String path, String bearer, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (body != null) {
            all.putIfAbsent("Content-Type", "application/scim+json");
        }
        all.forEach(b::header);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(name, r.statusCode(), r.body(), r.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(name + ": " + method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- operator API -------------------------------------------------------------------------------------

    Response operator(String method, String path, String body) {
        return send(method, "/operator/v1" + path, IntegrationTest.OPERATOR_TOKEN, body,
                body == null ? Map.of() : Map.of("Content-Type", "application/json"));
    }

    String createCompany(String name, String plan) {
        Response r = operator("POST", "/companies", "{\"name\":\"" + name + "\",\"plan\":\"" + plan + "\"}");
        require(r, 201);
        return r.json().path("id").asString();
    }

    /** Issues a SCIM token; returns {id, token}. */
    JsonNode issueScimToken(String companyId) {
        Response r = operator("POST", "/companies/" + companyId + "/scim-tokens", null);
        require(r, 201);
        return r.json();
    }

    // --- SCIM -----------------------------------------------------------------------------------------------

    Response scim(String method, String path, String token, String body) {
        return scim(method, path, token, body, Map.of());
    }

    Response scim(String method, String path, String token, String body, Map<String, String> headers) {
        return send(method, "/scim/v2" + path, token, body, headers);
    }

    String createUser(String token, String userName) {
        Response r = scim("POST", "/Users", token, EntraBodies.user(userName));
        require(r, 201);
        return r.json().path("id").asString();
    }

    String createGroup(String token, String displayName) {
        Response r = scim("POST", "/Groups", token, EntraBodies.group(displayName));
        require(r, 201);
        return r.json().path("id").asString();
    }

    static void require(Response r, int status) {
        if (r.status() != status) {
            throw new IllegalStateException("expected " + status + " but got " + r);
        }
    }

    record Response(String node, int status, String body, Map<String, List<String>> headers) {

        JsonNode json() {
            return body == null || body.isEmpty() ? JSON.missingNode() : JSON.readTree(body);
        }

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return node + ": " + status + " " + body;
        }
    }
}
