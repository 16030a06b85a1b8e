package io.gatehouse.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every console form is refused without its CSRF token, and nothing changes. */
class ConsoleCsrfIT extends ConsoleIntegrationTest {

    @Test
    void everyConsoleFormNeedsTheCsrfToken() {
        TestCompany company = companyWithAdmin("premium");
        WebClient admin = signedInAdmin(company);
        String someId = UUID.randomUUID().toString();
        Map<String, Map<String, String>> forms = Map.of(
                "/console/settings/sso/metadata-url", Map.of("url", "https://idp.example.test/metadata"),
                "/console/users/invite", Map.of("email", "csrf@acme.test"),
                "/console/users/" + company.adminId() + "/deactivate", Map.of(),
                "/console/groups/" + someId + "/spaces", Map.of("spaceId", someId, "role", "VIEWER"),
                "/console/spaces", Map.of("name", "Planted"),
                "/logout", Map.of());

        forms.forEach((path, fields) -> assertThat(admin.post(path, fields).status()).as(path).isEqualTo(403));
        Http.Response upload = admin.postFile("/console/settings/sso/metadata-file", null, "file", "m.xml",
                utf8(testIdpMetadata()));
        assertThat(upload.status()).isEqualTo(403);

        Http.Response users = admin.get("/console/users?q=csrf");
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.body()).doesNotContain("csrf@acme.test");
        assertThat(admin.get("/console/settings/sso").body()).contains("No identity provider is connected yet");
        assertThat(admin.get("/console").status()).isEqualTo(200);
    }

    @Test
    void theSetupAndPasswordFormsNeedTheCsrfToken() {
        TestCompany company = companyWithAdmin("premium");
        WebClient web = client();
        web.get(company.setupPath());

        assertThat(web.post(company.setupPath(), Map.of("password", PASSWORD, "confirm", PASSWORD)).status())
                .isEqualTo(403);
        assertThat(client().get(company.setupPath()).status()).isEqualTo(200);
        signedInAdmin(company);
        assertThat(web.post("/login/password", Map.of("email", company.adminEmail(), "password", PASSWORD))
                .status()).isEqualTo(403);
        assertThat(web.cookie("GATEHOUSE_SESSION")).isNull();
    }

    @Test
    void aMultipartUploadWithItsTokenIsAccepted() {
        TestCompany company = companyWithAdmin("premium");
        WebClient admin = signedInAdmin(company);
        String csrf = WebClient.csrfToken(admin.get("/console/settings/sso"));

        Http.Response upload = admin.postFile("/console/settings/sso/metadata-file", csrf, "file", "m.xml",
                utf8(testIdpMetadata()));

        assertThat(upload.status()).isEqualTo(200);
        assertThat(upload.body()).contains("Metadata saved").contains(IDP_SSO_URL);
    }
}
