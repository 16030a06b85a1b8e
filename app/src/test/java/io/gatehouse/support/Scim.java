package io.gatehouse.support;

import java.util.Map;

/** A SCIM client bound to one company's token, as Entra or Okta would call us. */
public final class Scim {

    private final Http http;
    private final String token;
    private final String prefix;

    public Scim(Http http, String token) {
        this(http, token, "/scim/v2");
    }

    public Scim(Http http, String token, String prefix) {
        this.http = http;
        this.token = token;
        this.prefix = prefix;
    }

    public Http.Response get(String path) {
        return http.send("GET", prefix + path, token, null, Map.of());
    }

    public Http.Response post(String path, String body) {
        return http.send("POST", prefix + path, token, body, Map.of());
    }

    public Http.Response put(String path, String body) {
        return http.send("PUT", prefix + path, token, body, Map.of());
    }

    public Http.Response patch(String path, String body) {
        return http.send("PATCH", prefix + path, token, body, Map.of());
    }

    public Http.Response delete(String path) {
        return http.send("DELETE", prefix + path, token, null, Map.of());
    }

    public Http.Response send(String method, String path, String body, Map<String, String> headers) {
        return http.send(method, prefix + path, token, body, headers);
    }

    /** Creates a user the way Entra does and returns its id. */
    public String createUser(String userName) {
        Http.Response r = post("/Users", EntraBodies.user(userName));
        if (r.status() != 201) {
            throw new IllegalStateException("user not created: " + r);
        }
        return r.json().path("id").asString();
    }

    public String createGroup(String displayName) {
        Http.Response r = post("/Groups", EntraBodies.group(displayName));
        if (r.status() != 201) {
            throw new IllegalStateException("group not created: " + r);
        }
        return r.json().path("id").asString();
    }

    public static String filter(String filter) {
        return java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
