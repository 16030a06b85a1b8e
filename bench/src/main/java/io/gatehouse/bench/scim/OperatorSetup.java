package io.gatehouse.bench.scim;

import java.io.IOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates the tenant a run provisions into, through the operator API, so each run starts from an
 * empty directory and never collides with an earlier run's user names.
 */
final class OperatorSetup {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OperatorSetup() {
    }

    /** POST /companies, then POST /companies/{id}/scim-tokens; returns the new company's secret. */
    static Tenant createTenant(BearerClient operator, String name, String plan)
            throws IOException, InterruptedException {
        String companyId = createCompany(operator, name, plan);
        return new Tenant(companyId, issueScimToken(operator, companyId));
    }

    /** POST /companies; the new company's id. */
    static String createCompany(BearerClient operator, String name, String plan)
            throws IOException, InterruptedException {
        String companyBody = JSON.writeValueAsString(
                JSON.createObjectNode().put("name", name).put("plan", plan));
        JsonNode company = expectCreated(operator.send("POST", "/companies", companyBody), "company");
        return requiredText(company, "id", "company");
    }

    /**
     * POST /companies/{id}/scim-tokens; the token. The company's first token hands its directory to the identity
     * provider, which records a {@code company.directory_locked} event.
     */
    static String issueScimToken(BearerClient operator, String companyId) throws IOException, InterruptedException {
        JsonNode token = expectCreated(
                operator.send("POST", "/companies/" + EntraRequests.encode(companyId) + "/scim-tokens", null),
                "SCIM token");
        return requiredText(token, "token", "SCIM token");
    }

    private static JsonNode expectCreated(BearerClient.Response response, String what) {
        if (response.status() != 201) {
            throw new IllegalStateException("creating the " + what + " returned HTTP " + response.status()
                    + ": " + ErrorSamples.abbreviate(response.body()));
        }
        return JSON.readTree(response.body());
    }

    private static String requiredText(JsonNode node, String field, String what) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.stringValue().isEmpty()) {
            throw new IllegalStateException("the " + what + " response has no \"" + field + "\": " + node);
        }
        return value.stringValue();
    }

    record Tenant(String companyId, String scimToken) {
    }
}
