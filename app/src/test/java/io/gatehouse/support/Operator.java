package io.gatehouse.support;

import java.util.Map;

/** The support team's API, as tests use it to set up companies and tokens. */
public final class Operator {

    private final Http http;

    public Operator(Http http) {
        this.http = http;
    }

    public record TestCompany(String id, String scimToken) {}

    public Http.Response call(String method, String path, String body) {
        return http.send(method, "/operator/v1" + path, IntegrationTest.OPERATOR_TOKEN, body,
                body == null ? Map.of() : Map.of("Content-Type", "application/json"));
    }

    public String createCompany(String name, String plan) {
        Http.Response r = call("POST", "/companies", "{\"name\":\"" + name + "\",\"plan\":\"" + plan + "\"}");
        if (r.status() != 201) {
            throw new IllegalStateException("company not created: " + r);
        }
        return r.json().path("id").asString();
    }

    public String issueScimToken(String companyId) {
        Http.Response r = call("POST", "/companies/" + companyId + "/scim-tokens", null);
        if (r.status() != 201) {
            throw new IllegalStateException("token not issued: " + r);
        }
        return r.json().path("token").asString();
    }

    /** A new premium company with one SCIM token. */
    public TestCompany premiumCompanyWithToken() {
        String id = createCompany("Acme " + System.nanoTime(), "premium");
        return new TestCompany(id, issueScimToken(id));
    }

    public TestCompany standardCompanyWithToken() {
        String id = createCompany("Standard " + System.nanoTime(), "standard");
        return new TestCompany(id, issueScimToken(id));
    }
}
