package io.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import io.gatehouse.access.LocalLogin;
import io.gatehouse.access.PasswordRejectedException;
import io.gatehouse.access.SetupLinks;
import io.gatehouse.support.EntraBodies;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Scim;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Secrets never reach the logs: a full flow (company, SCIM tokens, SCIM traffic including failed authentication
 * with a well-formed wrong token and a revoked one, operator calls with a right and a wrong operator token, a
 * product application's client secrets and API keys (right, wrong, rotated out), a break-glass administrator's setup link, setting and using the password) runs while every log event of the
 * application (root logger, at the configured levels, and Gatehouse's own loggers at TRACE) and everything
 * written to stdout/stderr is captured; none of the secrets may appear in either.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNotLoggedIT extends IntegrationTest {

    private static final String PASSWORD = "Correct-Horse-Battery-" + System.nanoTime();
    private static final String WRONG_PASSWORD = "Wrong-Horse-Battery-" + System.nanoTime();

    @Autowired
    SetupLinks setupLinks;
    @Autowired
    LocalLogin localLogin;

    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private Logger root;
    private Logger gatehouse;
    private Level gatehouseLevel;

    @BeforeEach
    void captureEverything() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        gatehouse = context.getLogger("io.gatehouse");
        gatehouseLevel = gatehouse.getLevel();
        gatehouse.setLevel(Level.TRACE);
        events.setContext(context);
        events.start();
        root.addAppender(events);
    }

    @AfterEach
    void stopCapturing() {
        root.detachAppender(events);
        events.stop();
        gatehouse.setLevel(gatehouseLevel);
    }

    @Test
    void noTokenSetupLinkOrPasswordAppearsInAnyLogOutput(CapturedOutput output) {
        List<String> secrets = new ArrayList<>();
        secrets.add(OPERATOR_TOKEN);

        // Company and tokens.
        String company = operator().createCompany("Secretive " + System.nanoTime(), "premium");
        Http.Response issued = operator().call("POST", "/companies/" + company + "/scim-tokens", null);
        String token = issued.json().path("token").asString();
        Http.Response issuedOld = operator().call("POST", "/companies/" + company + "/scim-tokens", null);
        String revokedToken = issuedOld.json().path("token").asString();
        operator().call("DELETE", "/companies/" + company + "/scim-tokens/" + issuedOld.json().path("id").asString(),
                null);
        secrets.add(token);
        secrets.add(secretPart(token));
        secrets.add(revokedToken);
        secrets.add(secretPart(revokedToken));

        // SCIM traffic, good and bad.
        Scim scim = new Scim(http(), token);
        String userId = scim.createUser("kept.secret@example.com");
        scim.get("/Users/" + userId);
        scim.get("/Users?filter=" + Scim.filter("userName eq \"kept.secret@example.com\""));
        scim.patch("/Users/" + userId, EntraBodies.patch("[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"K\"}]"));
        scim.post("/Users", "{not json");
        scim.get("/Users?filter=" + Scim.filter("userName zz \"broken\""));
        String wellFormedWrong = token.substring(0, token.length() - 43) + "A".repeat(43);
        secrets.add(wellFormedWrong);
        assertThat(http().get("/scim/v2/Users", wellFormedWrong).status()).isEqualTo(401);
        assertThat(http().get("/scim/v2/Users", revokedToken).status()).isEqualTo(401);
        String garbage = "not-a-token-" + System.nanoTime();
        secrets.add(garbage);
        assertThat(http().get("/scim/v2/Users", garbage).status()).isEqualTo(401);
        assertThat(http().send("GET", "/scim/v2/Users", null, null, Map.of("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString(("x:" + token).getBytes()))).status()).isEqualTo(401);

        // Operator calls, with the right token and a wrong one.
        operator().call("GET", "/companies/" + company, null);
        operator().call("GET", "/companies/" + company + "/scim-tokens", null);
        operator().call("GET", "/companies/" + company + "/provisioning-log?limit=10", null);
        String wrongOperator = OPERATOR_TOKEN + "-wrong";
        secrets.add(wrongOperator);
        assertThat(http().get("/operator/v1/companies", wrongOperator).status()).isEqualTo(401);

        // A product application: its client secrets (one rotated out) and API keys, right and wrong.
        Http.Response app = operator().call("POST", "/applications", "{\"name\":\"Secretive product\","
                + "\"clientType\":\"confidential\",\"redirectUris\":[\"https://product.example/cb\"],"
                + "\"servesAllCompanies\":true}");
        String appId = app.json().path("id").asString();
        String clientSecret = app.json().path("clientSecret").path("secret").asString();
        String rotatedSecret = operator().call("POST", "/applications/" + appId + "/client-secrets", null).json()
                .path("secret").asString();
        operator().call("DELETE", "/applications/" + appId + "/client-secrets/"
                + app.json().path("clientSecret").path("id").asString(), null);
        String apiKey = operator().call("POST", "/applications/" + appId + "/api-keys", "{\"label\":\"x\"}").json()
                .path("key").asString();
        for (String secret : List.of(clientSecret, rotatedSecret, apiKey)) {
            secrets.add(secret);
            secrets.add(secretPart(secret));
        }
        assertThat(http().get("/api/v1/companies?limit=1", apiKey).status()).isEqualTo(200);
        assertThat(http().get("/api/v1/companies?after=garbage", apiKey).status()).isEqualTo(400);
        String wrongKey = apiKey.substring(0, apiKey.length() - 43) + "B".repeat(43);
        secrets.add(wrongKey);
        assertThat(http().get("/api/v1/companies", wrongKey).status()).isEqualTo(401);
        assertThat(http().get("/api/v1/companies", clientSecret).status()).isEqualTo(401);
        operator().call("GET", "/applications/" + appId + "/audit-log", null);

        // Break-glass administrator: setup link, page, password, sign-in.
        Http.Response admin = operator().call("POST", "/companies/" + company + "/admins",
                "{\"email\":\"glass@secretive.example\",\"displayName\":\"Glass\"}");
        assertThat(admin.status()).isEqualTo(201);
        String link = admin.json().path("setupLink").asString();
        String setupToken = link.substring(link.lastIndexOf('/') + 1);
        secrets.add(setupToken);
        http().get("/setup/" + setupToken, null);
        try {
            setupLinks.redeem(setupToken, "short");
        } catch (PasswordRejectedException expected) {
            // the link stays usable
        }
        setupLinks.redeem(setupToken, PASSWORD);
        secrets.add(PASSWORD);
        secrets.add(WRONG_PASSWORD);
        assertThat(localLogin.authenticate("glass@secretive.example", PASSWORD)).isPresent();
        assertThat(localLogin.authenticate("glass@secretive.example", WRONG_PASSWORD)).isEmpty();
        http().get("/setup/" + setupToken, null); // used link
        // A second link for the same account replaces the first.
        Http.Response again = operator().call("POST", "/companies/" + company + "/admins",
                "{\"email\":\"glass@secretive.example\",\"displayName\":\"Glass\"}");
        String link2 = again.json().path("setupLink").asString();
        secrets.add(link2.substring(link2.lastIndexOf('/') + 1));

        LoggerFactory.getLogger("io.gatehouse.security.canary").info("log capture canary");

        String logged = render(events.list);
        assertThat(logged).as("the capture works").contains("log capture canary");
        String console = output.getAll();
        for (String secret : secrets) {
            assertThat(logged).as("log events contain a secret").doesNotContain(secret);
            assertThat(console).as("console output contains a secret").doesNotContain(secret);
        }
    }

    /** The 43-character secret after the lookup id (base64url, so it may itself contain '_'). */
    private static String secretPart(String token) {
        return token.substring(token.length() - 43);
    }

    private static String render(List<ILoggingEvent> list) {
        StringBuilder out = new StringBuilder();
        for (ILoggingEvent e : list) {
            out.append(e.getLoggerName()).append(' ').append(e.getFormattedMessage()).append(' ')
                    .append(e.getMDCPropertyMap()).append(' ').append(e.getKeyValuePairs()).append('\n');
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                out.append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
                for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                    out.append(frame.getSTEAsString()).append('\n');
                }
            }
        }
        return out.toString();
    }
}
