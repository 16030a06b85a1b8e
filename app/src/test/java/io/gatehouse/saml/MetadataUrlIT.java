package io.gatehouse.saml;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.gatehouse.saml.core.support.TestKeys;
import io.gatehouse.support.Http;
import io.gatehouse.support.Operator;
import io.gatehouse.support.Scim;
import io.gatehouse.tenancy.CompanyId;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A connection fed from the IdP's metadata URL: fetched when saved, refreshed by the scheduled job, so an
 * Entra certificate rollover (next certificate published first) needs no action from anyone.
 */
class MetadataUrlIT extends SamlIntegrationTest {

    @Autowired
    SamlConnectionService connections;

    @Autowired
    SamlHousekeeping housekeeping;

    @Autowired
    JdbcClient jdbc;

    private HttpServer idp;
    private final AtomicReference<String> served = new AtomicReference<>();
    private final AtomicReference<Integer> status = new AtomicReference<>(200);

    @BeforeEach
    void startMetadataEndpoint() throws IOException {
        idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        idp.createContext("/federationmetadata.xml", exchange -> {
            byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        idp.start();
    }

    @AfterEach
    void stopMetadataEndpoint() {
        idp.stop(0);
    }

    @Test
    void savesFromTheUrlAndPicksUpTheNextCertificateOnRefresh() {
        Operator.TestCompany company = operator().premiumCompanyWithToken();
        SsoCompany sso = new SsoCompany(company.id(), new Scim(http(), company.scimToken()));
        sso.scim().createUser("rollover@contoso.test");
        served.set(EntraLikeIdp.metadata(TestKeys.IDP.certificate()));

        Http.Response saved = operator().call("PUT", "/companies/" + company.id() + "/saml-connection",
                "{\"metadataUrl\":\"" + metadataUrl() + "\"}");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().path("idpMetadataUrl").asString()).isEqualTo(metadataUrl());
        assertThat(saved.json().path("idpMetadataFetchedAt").isNull()).isFalse();
        assertThat(signInSignedBy(sso, TestKeys.IDP_NEXT).status()).isEqualTo(403);

        served.set(EntraLikeIdp.metadata(TestKeys.IDP.certificate(), TestKeys.IDP_NEXT.certificate()));
        connections.refresh(new CompanyId(UUID.fromString(company.id())));

        assertThat(signInSignedBy(sso, TestKeys.IDP_NEXT).status()).isEqualTo(302);
        assertThat(signInSignedBy(sso, TestKeys.IDP).status()).isEqualTo(302);
        assertThat(operator().call("GET", "/companies/" + company.id() + "/saml-connection", null).json()
                .path("certificates")).hasSize(2);
    }

    @Test
    void theScheduledJobRefreshesOnlyConnectionsThatAreDue() {
        String id = operator().createCompany("Scheduled", "premium");
        served.set(EntraLikeIdp.metadata(TestKeys.IDP.certificate()));
        operator().call("PUT", "/companies/" + id + "/saml-connection", "{\"metadataUrl\":\"" + metadataUrl() + "\"}");
        served.set(EntraLikeIdp.metadata(TestKeys.IDP.certificate(), TestKeys.IDP_NEXT.certificate()));

        housekeeping.refreshDueMetadata();
        int beforeDue = certificateCount(id);
        jdbc.sql("UPDATE saml_connection SET metadata_checked_at = ? WHERE company_id = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofHours(7))), UUID.fromString(id))
                .update();
        housekeeping.refreshDueMetadata();

        assertThat(beforeDue).isEqualTo(1);
        assertThat(certificateCount(id)).isEqualTo(2);
    }

    @Test
    void aBrokenRefreshKeepsTheWorkingConnectionAndTellsTheOperator() {
        Operator.TestCompany company = operator().premiumCompanyWithToken();
        SsoCompany sso = new SsoCompany(company.id(), new Scim(http(), company.scimToken()));
        sso.scim().createUser("steady@contoso.test");
        served.set(EntraLikeIdp.metadata(TestKeys.IDP.certificate()));
        operator().call("PUT", "/companies/" + company.id() + "/saml-connection",
                "{\"metadataUrl\":\"" + metadataUrl() + "\"}");

        status.set(500);
        connections.refresh(new CompanyId(UUID.fromString(company.id())));

        Http.Response view = operator().call("GET", "/companies/" + company.id() + "/saml-connection", null);
        assertThat(view.json().path("idpMetadataRefreshError").asString()).contains("HTTP 500");
        assertThat(signInSignedBy(sso, TestKeys.IDP).status()).isEqualTo(302);
    }

    @Test
    void anUnreachableOrNonHttpsUrlIsAFieldError() {
        String id = operator().createCompany("Bad URL", "premium");
        status.set(404);
        served.set("");

        Http.Response notFound = operator().call("PUT", "/companies/" + id + "/saml-connection",
                "{\"metadataUrl\":\"" + metadataUrl() + "\"}");
        Http.Response ftp = operator().call("PUT", "/companies/" + id + "/saml-connection",
                "{\"metadataUrl\":\"ftp://example.com/metadata.xml\"}");

        assertThat(notFound.status()).isEqualTo(400);
        assertThat(notFound.json().path("errors").get(0).path("field").asString()).isEqualTo("metadataUrl");
        assertThat(notFound.json().path("errors").get(0).path("message").asString()).contains("HTTP 404");
        assertThat(ftp.status()).isEqualTo(400);
    }

    private Http.Response signInSignedBy(SsoCompany company, TestKeys keys) {
        Browser browser = browser();
        String requestId = startSignIn(browser, company, null);
        return browser.postForm(company.acs(), EntraLikeIdp.form(EntraLikeIdp.signedWith(EntraLikeIdp.response(
                company.id(), requestId, nameOf(company)), keys), null));
    }

    private int certificateCount(String companyId) {
        return operator().call("GET", "/companies/" + companyId + "/saml-connection", null).json()
                .path("certificates").size();
    }

    private String nameOf(SsoCompany company) {
        return company.scim().get("/Users").json().path("Resources").get(0).path("userName").asString();
    }

    private String metadataUrl() {
        return "http://127.0.0.1:" + idp.getAddress().getPort() + "/federationmetadata.xml";
    }
}
