package io.gatehouse.support;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Product applications as tests set them up through the operator API, and the product API called with their keys. */
public final class Applications {

    private final Operator operator;
    private final Http http;

    public Applications(Http http) {
        this.http = http;
        this.operator = new Operator(http);
    }

    /** A registered application: its id, public client id and (confidential only) first client secret. */
    public record TestApplication(String id, String clientId, String clientSecret) {}

    /** Registers an application with the given JSON body; fails the test unless it is created. */
    public TestApplication register(String json) {
        Http.Response r = operator.call("POST", "/applications", json);
        if (r.status() != 201) {
            throw new IllegalStateException("application not registered: " + r);
        }
        String secret = r.json().path("clientSecret").has("secret")
                ? r.json().path("clientSecret").path("secret").asString() : null;
        return new TestApplication(r.json().path("id").asString(), r.json().path("clientId").asString(), secret);
    }

    /** A confidential application serving exactly the given companies. */
    public TestApplication serving(String... companyIds) {
        String ids = List.of(companyIds).stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
        return register("""
                {"name":"Product %d","clientType":"confidential",
                 "redirectUris":["https://product.example.com/callback"],"companyIds":[%s]}
                """.formatted(System.nanoTime(), ids));
    }

    public TestApplication servingAllCompanies() {
        return register("""
                {"name":"Product %d","clientType":"confidential",
                 "redirectUris":["https://product.example.com/callback"],"servesAllCompanies":true}
                """.formatted(System.nanoTime()));
    }

    /** A new API key of the application (the only time it is shown). */
    public String issueKey(String applicationId) {
        Http.Response r = operator.call("POST", "/applications/" + applicationId + "/api-keys", "{}");
        if (r.status() != 201) {
            throw new IllegalStateException("key not issued: " + r);
        }
        return r.json().path("key").asString();
    }

    /** A GET of the product API with the key as bearer. */
    public Http.Response api(String key, String path) {
        return http.send("GET", "/api/v1" + path, key, null, Map.of());
    }
}
