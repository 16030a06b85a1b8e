package io.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.EntraBodies;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Scim;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Size limits: SCIM bodies over 1 MiB are 413 in SCIM format; request headers over 16 KB are refused by Tomcat. */
class RequestLimitsIT extends IntegrationTest {

    private static final int MIB = 1024 * 1024;

    @Test
    void scimBodyOverOneMibWithContentLengthIs413BeforeItIsRead() {
        Scim scim = new Scim(http(), operator().premiumCompanyWithToken().scimToken());
        String body = EntraBodies.user("big@example.com").replace("\"Sales\"", "\"" + "x".repeat(MIB) + "\"");

        Http.Response r = scim.post("/Users", body);

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().path("schemas").get(0).asString()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(r.json().path("status").asString()).isEqualTo("413");
    }

    @Test
    void chunkedScimBodyOverOneMibIs413() throws Exception {
        String token = operator().premiumCompanyWithToken().scimToken();
        String chunk = "x".repeat(64 * 1024);
        StringBuilder request = new StringBuilder("POST /scim/v2/Users HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ")
                .append(token).append("\r\nContent-Type: application/scim+json\r\nTransfer-Encoding: chunked\r\n"
                        + "Connection: close\r\n\r\n");
        for (int i = 0; i < 17; i++) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        request.append("0\r\n\r\n");

        String response = RawHttp.exchange(port, null, request.toString());

        assertThat(RawHttp.status(response)).as(response).isEqualTo(413);
        assertThat(response).contains("urn:ietf:params:scim:api:messages:2.0:Error");
    }

    @Test
    void requestHeadersOverTheLimitAreRefusedAndUnderItAccepted() {
        Scim scim = new Scim(http(), operator().premiumCompanyWithToken().scimToken());

        Http.Response tooBig = scim.send("GET", "/Users", null, Map.of("X-Padding", "p".repeat(20 * 1024)));
        Http.Response fine = scim.send("GET", "/Users", null, Map.of("X-Padding", "p".repeat(8 * 1024)));

        assertThat(tooBig.status()).isIn(400, 431);
        assertThat(tooBig.body()).doesNotContain("totalResults");
        assertThat(fine.status()).isEqualTo(200);
    }

    @Test
    void manyHeadersThatTogetherExceedTheLimitAreRefused() throws Exception {
        StringBuilder request = new StringBuilder("GET /scim/v2/ServiceProviderConfig HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 40; i++) {
            request.append("X-H").append(i).append(": ").append("v".repeat(500)).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");

        String response = RawHttp.exchange(port, null, request.toString());

        assertThat(RawHttp.status(response)).as(response).isIn(400, 431);
    }
}
