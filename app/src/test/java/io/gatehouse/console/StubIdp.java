package io.gatehouse.console;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A stand-in for Entra's sign-in page, on its own port: {@code /sso?company=…&user=…} answers with the
 * HTTP-POST binding form carrying a response signed by the test IdP, which the browser submits to our ACS.
 * IdP-initiated for the console's public base by default; {@link #signInUrl(String, String, String, String)}
 * answers an SP-initiated request (its ID and RelayState) for a server whose public base is the test address,
 * {@link #idpInitiatedUrl} an IdP-initiated sign-in for such a server.
 */
public final class StubIdp implements AutoCloseable {

    private final HttpServer server;

    public StubIdp(String appBase) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sso", exchange -> {
            Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
            String company = q.get("company");
            // "request": an answer to that AuthnRequest; "unsolicited": IdP-initiated, both for appBase
            String response = q.containsKey("request") || q.containsKey("unsolicited")
                    ? java.util.Base64.getEncoder().encodeToString(io.gatehouse.saml.core.support.TestIdp.signAssertion(
                            io.gatehouse.saml.core.support.EntraResponse.now(appBase, company, q.get("request"),
                                    q.get("user"))))
                    : ConsoleIntegrationTest.signedResponse(company, q.get("user"));
            String relay = q.getOrDefault("relay", "/app").replace("&", "&amp;").replace("\"", "&quot;");
            String html = "<!DOCTYPE html><html lang=\"en\"><head><title>Sign in · Test IdP</title></head><body>"
                    + "<h1>Test identity provider</h1><form method=\"post\" action=\"" + appBase + "/saml/" + company
                    + "/acs\"><input type=\"hidden\" name=\"SAMLResponse\" value=\""
                    + response
                    + "\"><input type=\"hidden\" name=\"RelayState\" value=\"" + relay + "\">"
                    + "<button type=\"submit\" id=\"continue\">Continue</button></form></body></html>";
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String signInUrl(String companyId, String userName) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sso?company=" + companyId + "&user="
                + java.net.URLEncoder.encode(userName, StandardCharsets.UTF_8);
    }

    /** The answer to Gatehouse's AuthnRequest {@code requestId}, carrying back its RelayState. */
    public String signInUrl(String companyId, String userName, String requestId, String relayState) {
        return signInUrl(companyId, userName) + "&request=" + java.net.URLEncoder.encode(requestId,
                StandardCharsets.UTF_8) + (relayState == null ? "" : "&relay="
                + java.net.URLEncoder.encode(relayState, StandardCharsets.UTF_8));
    }

    /** An IdP-initiated (unsolicited) response for a server whose public base is the test address. */
    public String idpInitiatedUrl(String companyId, String userName, String relayState) {
        return signInUrl(companyId, userName) + "&unsolicited" + (relayState == null ? "" : "&relay="
                + java.net.URLEncoder.encode(relayState, StandardCharsets.UTF_8));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(kv[0], kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
