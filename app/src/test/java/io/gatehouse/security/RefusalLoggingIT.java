package io.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Operator.TestCompany;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A client fault, whichever layer refuses it, is one INFO line naming the client's address and what was refused —
 * never an ERROR, never a stack trace: a hostile or broken client is not a fault of this service.
 */
class RefusalLoggingIT extends IntegrationTest {

    private static final String REFUSALS = "io.gatehouse.web.ErrorResponses";

    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private Logger root;

    @BeforeEach
    void capture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        events.setContext(context);
        events.start();
        root.addAppender(events);
    }

    @AfterEach
    void stop() {
        root.detachAppender(events);
        events.stop();
    }

    @Test
    void everyLayersRefusalIsLoggedOnceAtInfoWithTheClientAddressAndNeverAsAnError() throws IOException {
        TestCompany company = operator().premiumCompanyWithToken();
        List<HostileRequest> refused = List.of(
                HostileRequest.of("GET", "/scim/v2/Users/%2F").bearer(company.scimToken()), // Tomcat
                HostileRequest.of("GET", "/scim/v2/Users").bearer(company.scimToken())
                        .header("X-P", "p".repeat(20_000)),
                HostileRequest.of("PROPFIND", "/scim/v2/Users").bearer(company.scimToken()), // the firewall
                HostileRequest.of("GET", "/scim/v2/Users?filter=%G1").bearer(company.scimToken()), // Spring MVC
                HostileRequest.of("TRACE", "/operator/v1/companies").bearer(OPERATOR_TOKEN), // the error page
                HostileRequest.of("POST", "/login/password") // a filter (CSRF) reads the form
                        .body("application/x-www-form-urlencoded", "email=%"),
                HostileRequest.of("POST", "/saml/" + company.id() + "/acs").body("multipart/form-data", "x"),
                HostileRequest.of("POST", "/console/spaces").body("application/x-www-form-urlencoded", "name=x"));

        for (HostileRequest request : refused) {
            events.list.clear();
            RawHttp.Response r = RawHttp.send(port, request.bytes());

            assertThat(r.status()).as(request.toString()).isBetween(400, 499);
            List<ILoggingEvent> lines = events.list.stream().filter(e -> e.getLoggerName().equals(REFUSALS)).toList();
            assertThat(lines).as("refusal lines for %s", request).hasSize(1);
            assertThat(lines.get(0).getLevel()).isEqualTo(Level.INFO);
            assertThat(lines.get(0).getFormattedMessage()).contains("from 127.0.0.1").contains(request.method())
                    .contains(Integer.toString(r.status()));
            assertThat(events.list).as("nothing at ERROR or with a stack trace for %s", request)
                    .noneMatch(e -> e.getLevel() == Level.ERROR || e.getThrowableProxy() != null);
        }
    }

    @Test
    void theLogLineNamesThePathButNeverTheQueryString() throws IOException {
        TestCompany company = operator().premiumCompanyWithToken();

        RawHttp.send(port, HostileRequest.of("GET", "/scim/v2/Users?filter=userName%20eq%20%22secret.person%22&x=%")
                .bearer(company.scimToken()).bytes());

        assertThat(events.list).filteredOn(e -> e.getLoggerName().equals(REFUSALS)).singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).contains("GET /scim/v2/Users ")
                        .doesNotContain("secret.person"));
    }
}
