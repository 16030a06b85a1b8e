package io.gatehouse.saml;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.saml.core.support.TestKeys;
import io.gatehouse.support.Http;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** PUT/PATCH/GET /operator/v1/companies/{id}/saml-connection with uploaded metadata, real Entra files first. */
class OperatorSamlConnectionIT extends SamlIntegrationTest {

    @Test
    void acceptsEntrasAppFederationMetadataAndAnswersTheValuesToCheck() {
        String id = operator().createCompany("Entra Co", "premium");

        Http.Response r = uploadMetadata(id, fixture("entra-app-metadata-tenant-a9054a0f-2023.xml"));

        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.path("idpEntityId").asString()).isEqualTo("https://sts.windows.net/a9054a0f-2011-4e31-b3ac-fd8c354146ec/");
        assertThat(body.path("ssoUrl").asString())
                .isEqualTo("https://login.microsoftonline.com/a9054a0f-2011-4e31-b3ac-fd8c354146ec/saml2");
        assertThat(body.path("certificates")).hasSize(1);
        JsonNode cert = body.path("certificates").get(0);
        assertThat(cert.path("subject").asString()).contains("Microsoft Azure Federated SSO Certificate");
        assertThat(cert.path("notAfter").asString()).isEqualTo("2026-11-16T20:41:29Z");
        assertThat(cert.path("sha256").asString())
                .isEqualTo("2076D886410A00A75ACDB8AEDB93D3877B4FADBD8EA972F6373077917B2E5049");
        assertThat(body.path("spEntityId").asString()).isEqualTo("https://gatehouse.test/saml/" + id + "/metadata");
        assertThat(body.path("replyUrl").asString()).isEqualTo("https://gatehouse.test/saml/" + id + "/acs");
        assertThat(body.path("metadataUrl").asString()).isEqualTo("https://gatehouse.test/saml/" + id + "/metadata");
        assertThat(body.path("warnings").isArray()).isTrue();
        assertThat(operator().call("GET", "/companies/" + id + "/saml-connection", null).json().path("idpEntityId")
                .asString()).isEqualTo(body.path("idpEntityId").asString());
    }

    @Test
    void warnsWhenTheTenantWideDocumentIsUploadedInsteadOfTheApps() {
        String id = operator().createCompany("Tenant Wide", "premium");

        Http.Response r = uploadMetadata(id, fixture("azuread-tenant-wide-metadata-8bd6e98d-2015.xml"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("certificates")).hasSize(2);
        assertThat(r.json().path("warnings").toString()).contains("TENANT_WIDE_METADATA").contains("CERT_EXPIRED");
    }

    @Test
    void refusesMetadataWithAnExternalEntity() {
        String id = operator().createCompany("XXE", "premium");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE md [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"&xxe;\"/>";

        Http.Response r = uploadMetadata(id, xxe);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("document");
        assertThat(r.body()).contains("DOCTYPE").doesNotContain("root:");
        assertThat(operator().call("GET", "/companies/" + id + "/saml-connection", null).status()).isEqualTo(404);
    }

    @Test
    void refusesMetadataThatCannotSignAnyoneInWithFieldErrors() {
        String id = operator().createCompany("Not an IdP", "premium");
        String spOnly = http().get("/saml/" + id + "/metadata", null).body();
        String noCert = EntraLikeIdp.metadata();

        Http.Response sp = uploadMetadata(id, spOnly);
        Http.Response noCertificate = uploadMetadata(id, noCert);

        assertThat(sp.status()).isEqualTo(400);
        assertThat(sp.json().path("errors").get(0).path("field").asString()).isEqualTo("IDPSSODescriptor");
        assertThat(noCertificate.status()).isEqualTo(400);
        assertThat(noCertificate.json().path("errors").toString()).contains("signing certificate");
    }

    @Test
    void refusesOtherContentTypes() {
        String id = operator().createCompany("Plain", "premium");

        Http.Response r = http().send("PUT", "/operator/v1/companies/" + id + "/saml-connection", OPERATOR_TOKEN,
                EntraLikeIdp.metadata(TestKeys.IDP.certificate()), Map.of("Content-Type", "text/plain"));

        assertThat(r.status()).isEqualTo(415);
    }

    @Test
    void optionsChangeByPatchAndBadValuesComeBackAsFieldErrors() {
        SsoCompany company = ssoCompany();

        Http.Response ok = patchConnection(company.id(), """
                {"spEntityId":"https://gatehouse.test/acme","allowSha1":true,"linkBy":"EXTERNAL_ID",
                 "claimMapping":{"userName":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"}}
                """);
        Http.Response bad = patchConnection(company.id(),
                "{\"spEntityId\":\"not a uri\",\"linkBy\":\"EMAIL\",\"jitEnabled\":\"yes\",\"colour\":\"red\"}");

        assertThat(ok.status()).isEqualTo(200);
        JsonNode options = ok.json().path("options");
        assertThat(ok.json().path("spEntityId").asString()).isEqualTo("https://gatehouse.test/acme");
        assertThat(options.path("allowSha1").asBoolean()).isTrue();
        assertThat(options.path("allowIdpInitiated").asBoolean()).isTrue();
        assertThat(options.path("linkBy").asString()).isEqualTo("EXTERNAL_ID");
        assertThat(options.path("claimMapping").path("userName").asString()).endsWith("/emailaddress");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").toString()).contains("jitEnabled").contains("colour");
        Http.Response reset = patchConnection(company.id(), "{\"spEntityId\":null}");
        assertThat(reset.json().path("spEntityId").asString())
                .isEqualTo("https://gatehouse.test/saml/" + company.id() + "/metadata");
    }

    @Test
    void connectionOfACompanyWithoutOneIs404() {
        String id = operator().createCompany("None yet", "premium");

        assertThat(operator().call("GET", "/companies/" + id + "/saml-connection", null).status()).isEqualTo(404);
        assertThat(patchConnection(id, "{\"allowSha1\":true}").status()).isEqualTo(404);
        assertThat(uploadMetadata("00000000-0000-0000-0000-000000000000",
                EntraLikeIdp.metadata(TestKeys.IDP.certificate())).status()).isEqualTo(404);
    }

    @Test
    void needsTheOperatorToken() {
        String id = operator().createCompany("Guarded", "premium");

        Http.Response r = http().send("PUT", "/operator/v1/companies/" + id + "/saml-connection", null,
                EntraLikeIdp.metadata(TestKeys.IDP.certificate()), Map.of("Content-Type", "application/xml"));

        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void signInLogIsReadableWithALimit() {
        SsoCompany company = ssoCompany();
        signIn(browser(), company, "nobody1@contoso.test");
        signIn(browser(), company, "nobody2@contoso.test");

        Http.Response log = operator().call("GET", "/companies/" + company.id() + "/saml-log?limit=1", null);
        Http.Response badLimit = operator().call("GET", "/companies/" + company.id() + "/saml-log?limit=0", null);

        assertThat(log.status()).isEqualTo(200);
        assertThat(log.json()).hasSize(1);
        assertThat(log.json().get(0).path("nameId").asString()).isEqualTo("nobody2@contoso.test");
        assertThat(log.json().get(0).path("reference").asString()).matches("[0-9A-Z]{5}-[0-9A-Z]{5}");
        assertThat(badLimit.status()).isEqualTo(400);
    }

    @Test
    void anEmailDomainBelongsToOneCompany() {
        String a = operator().createCompany("Domain A", "standard");
        String b = operator().createCompany("Domain B", "standard");
        String domain = "shared" + System.nanoTime() + ".example";

        Http.Response first = operator().call("PUT", "/companies/" + a + "/email-domains",
                "{\"domains\":[\"@" + domain.toUpperCase() + "\", \"" + domain + "\"]}");
        Http.Response taken = operator().call("PUT", "/companies/" + b + "/email-domains",
                "{\"domains\":[\"other" + domain + "\", \"" + domain + "\"]}");
        Http.Response invalid = operator().call("PUT", "/companies/" + b + "/email-domains",
                "{\"domains\":[\"not a domain\"]}");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("domains").toString()).isEqualTo("[\"" + domain + "\"]");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().path("detail").asString()).contains(domain);
        assertThat(operator().call("GET", "/companies/" + b + "/email-domains", null).json().path("domains"))
                .isEmpty();
        assertThat(invalid.status()).isEqualTo(400);
    }

    static String fixture(String name) {
        try (InputStream in = OperatorSamlConnectionIT.class.getResourceAsStream("/saml/metadata/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
