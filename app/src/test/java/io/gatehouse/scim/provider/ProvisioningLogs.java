package io.gatehouse.scim.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.Operator;
import tools.jackson.databind.JsonNode;

/** Reads a company's provisioning log through the operator API, waiting briefly for asynchronous entries. */
final class ProvisioningLogs {

    private ProvisioningLogs() {}

    static JsonNode await(Operator operator, String companyId, int limit, int expected) {
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (true) {
            Http.Response r = operator.call("GET", "/companies/" + companyId + "/provisioning-log?limit=" + limit, null);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            if (r.json().size() >= expected || System.nanoTime() > deadline) {
                return r.json();
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return r.json();
            }
        }
    }
}
