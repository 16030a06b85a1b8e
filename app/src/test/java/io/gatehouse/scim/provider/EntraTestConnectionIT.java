package io.gatehouse.scim.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.Scim;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Entra's Test Connection looks up a user and a group that do not exist (random GUIDs) and must get
 * empty ListResponses, and a GET by a random id must be a SCIM 404, never a 5xx or an HTML page.
 */
class EntraTestConnectionIT extends ProviderFixture {

    @Test
    void userLookupByRandomGuidIs200WithZeroResults() {
        scim.createUser("existing@acme.example");
        String guid = UUID.randomUUID().toString();

        Http.Response byUserName = listUsers("userName eq \"" + guid + "\"");
        Http.Response byExternalId = listUsers("externalId eq \"" + guid + "\"");

        for (Http.Response r : new Http.Response[] {byUserName, byExternalId}) {
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().path("totalResults").asInt()).isZero();
            assertThat(r.json().path("Resources").size()).isZero();
        }
    }

    @Test
    void groupLookupByRandomGuidIs200WithZeroResults() {
        scim.createGroup("Existing Group");
        String guid = UUID.randomUUID().toString();

        Http.Response byName = scim.get("/Groups?excludedAttributes=members&filter="
                + Scim.filter("displayName eq \"" + guid + "\""));
        Http.Response byId = scim.get("/Groups?filter=" + Scim.filter("id eq \"" + guid + "\""));

        for (Http.Response r : new Http.Response[] {byName, byId}) {
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().path("totalResults").asInt()).isZero();
            assertThat(r.json().path("Resources").size()).isZero();
        }
    }

    @Test
    void getUserByRandomGuidIsAScim404() {
        Http.Response r = scim.get("/Users/" + UUID.randomUUID());

        assertScimError(r, 404, null);
        assertThat(r.json().path("detail").asString()).contains("not found");
    }

    @Test
    void getGroupByRandomGuidIsAScim404() {
        assertScimError(scim.get("/Groups/" + UUID.randomUUID()), 404, null);
    }

    @Test
    void getByAnIdThatIsNoGuidIsAScim404NotAServerError() {
        assertScimError(scim.get("/Users/5171a35d82074e068ce2"), 404, null);
        assertScimError(scim.get("/Groups/not-a-guid"), 404, null);
        assertScimError(scim.patch("/Users/5171a35d82074e068ce2",
                patch(op("replace", "active", "false"))), 404, null);
        assertScimError(scim.delete("/Groups/cdb1ce18f65944079d37"), 404, null);
    }

    @Test
    void requestsWithoutUserAgentAreServed() throws IOException {
        String id = scim.createUser("noagent@acme.example");

        String list = rawGet("/scim/v2/Users?filter=" + Scim.filter("userName eq \"noagent@acme.example\""));
        String one = rawGet("/scim/v2/Users/" + id);

        assertThat(list).startsWith("HTTP/1.1 200");
        JsonNode listed = Http.JSON.readTree(list.substring(list.indexOf("\r\n\r\n") + 4));
        assertThat(listed.path("totalResults").asInt()).isEqualTo(1);
        assertThat(one).startsWith("HTTP/1.1 200");
        assertThat(one.toLowerCase()).contains("content-type: application/scim+json");
        assertThat(Http.JSON.readTree(one.substring(one.indexOf("\r\n\r\n") + 4)).path("id").asString())
                .isEqualTo(id);
    }

    /** A GET over a plain socket: Java's HttpClient always adds a User-Agent, Entra's requests may not have one. */
    private String rawGet(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer "
                    + company.scimToken() + "\r\nAccept: application/scim+json\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            String response = buffer.toString(StandardCharsets.UTF_8);
            return dechunk(response);
        }
    }

    /** Undoes chunked transfer encoding so the body can be parsed. */
    private static String dechunk(String response) {
        int split = response.indexOf("\r\n\r\n");
        String head = response.substring(0, split);
        if (!head.toLowerCase().contains("transfer-encoding: chunked")) {
            return response;
        }
        String rest = response.substring(split + 4);
        StringBuilder body = new StringBuilder();
        while (true) {
            int eol = rest.indexOf("\r\n");
            int size = Integer.parseInt(rest.substring(0, eol).trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(rest, eol + 2, eol + 2 + size);
            rest = rest.substring(eol + 2 + size + 2);
        }
        return head + "\r\n\r\n" + body;
    }

    @Test
    void requestsWithoutUserAgentAreRecordedInTheProvisioningLog() throws IOException {
        rawGet("/scim/v2/Users?filter=" + Scim.filter("userName eq \"" + UUID.randomUUID() + "\""));

        JsonNode entry = ProvisioningLogs.await(operator(), company.id(), 1, 1).get(0);

        assertThat(entry.path("status").asInt()).isEqualTo(200);
        assertThat(entry.path("method").asString()).isEqualTo("GET");
        assertThat(entry.path("userAgent").isNull() || entry.path("userAgent").isMissingNode()).isTrue();
    }
}
