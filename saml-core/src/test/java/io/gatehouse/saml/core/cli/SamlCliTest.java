package io.gatehouse.saml.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.saml.core.SamlValidationResult;
import io.gatehouse.saml.core.support.Fixtures;
import io.gatehouse.saml.core.support.MiniJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The support engineers' command, run in-process exactly as the app's main class calls it. */
class SamlCliTest {

    private static final String SP = "http://localhost:8080/accounts/8155d0cc-d51b-461a-a062-821b6bd574b1/saml";
    private static final String ACS = SP + "/acs";
    private static final String NOW = "2023-11-17T18:39:30.314Z";

    @TempDir
    static Path dir;
    private static Path metadata;
    private static Path response;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void files() throws IOException {
        metadata = write("metadata.xml", Fixtures.bytes("metadata/entra-app-metadata-tenant-a9054a0f-2023.xml"));
        response = write("response.xml", Fixtures.bytes("responses/entra/ssoready-entra-response.xml"));
    }

    @Test
    void printsValidResultForRealEntraResponse() {
        int exit = run("saml", "verify", "--idp-metadata", metadata.toString(), "--sp-entity-id", SP, "--acs-url", ACS,
                "--now", NOW, "--allow-idp-initiated", response.toString());

        assertThat(exit).isEqualTo(0);
        Map<String, Object> json = json();
        assertThat(json).containsOnlyKeys("valid", "code", "detail", "issuer", "nameId", "attributes");
        assertThat(json).containsEntry("valid", true).containsEntry("code", "OK")
                .containsEntry("issuer", "https://sts.windows.net/a9054a0f-2011-4e31-b3ac-fd8c354146ec/")
                .containsEntry("nameId", "ulysse.carion_codomaindata.com#EXT#@ulyssecarioncodomaindata.onmicrosoft.com");
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) json.get("attributes");
        assertThat(attributes).containsEntry("http://schemas.microsoft.com/identity/claims/displayname",
                List.of("Ulysse Carion"));
    }

    @Test
    void acceptsBase64ResponseFile() throws IOException {
        Path b64 = write("response.b64", Base64.getMimeEncoder().encode(Files.readAllBytes(response)));

        assertThat(run("saml", "verify", "--idp-metadata=" + metadata, "--sp-entity-id=" + SP, "--acs-url=" + ACS,
                "--now=" + NOW, "--allow-idp-initiated", b64.toString())).isEqualTo(0);
    }

    @Test
    void printsInvalidResultWithCodeWhenIdpInitiatedIsNotAllowed() {
        int exit = run("saml", "verify", "--idp-metadata", metadata.toString(), "--sp-entity-id", SP, "--acs-url", ACS,
                "--now", NOW, response.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(json()).containsEntry("valid", false).containsEntry("code", "IDP_INITIATED_NOT_ALLOWED")
                .containsEntry("issuer", null).containsEntry("attributes", Map.of());
    }

    @Test
    void reportsAudienceOfAnotherCompanyWithExpectedAndActual() {
        int exit = run("saml", "verify", "--idp-metadata", metadata.toString(), "--sp-entity-id", "urn:globex",
                "--acs-url", ACS, "--now", NOW, "--allow-idp-initiated", response.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(json()).containsEntry("code", "AUDIENCE_MISMATCH");
        assertThat((String) json().get("detail")).contains("expected: urn:globex").contains("actual: " + SP);
    }

    @Test
    void warnsOnStderrAboutTenantWideMetadata() throws IOException {
        Path wide = write("wide.xml", Fixtures.bytes("metadata/entra-tenant-wide-metadata-NO-appid-6e89e984-2025.xml"));

        int exit = run("saml", "verify", "--idp-metadata", wide.toString(), "--sp-entity-id", SP, "--acs-url", ACS,
                "--now", NOW, "--allow-idp-initiated", response.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(json()).containsEntry("code", "UNTRUSTED_KEY");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("warning: TENANT_WIDE_METADATA");
    }

    @Test
    void escapesJsonControlAndNonAsciiCharacters() {
        String json = SamlCli.toJson(new SamlValidationResult.Success("i\"ss\\uer", "n\u00e9\n",
                null, null, null, Map.of("a\tb", List.of("\u2028")), "id", Instant.EPOCH, null));

        assertThat(json.chars().allMatch(c -> c >= 0x20 && c < 0x7F)).as("printable ASCII only: %s", json).isTrue();
        Map<String, Object> parsed = MiniJson.object(json);
        assertThat(parsed).containsEntry("issuer", "i\"ss\\uer").containsEntry("nameId", "n\u00e9\n");
        assertThat(parsed.get("attributes")).isEqualTo(Map.of("a\tb", List.of("\u2028")));
    }

    @Test
    void printsUsageForHelpWithoutFailing() {
        assertThat(run("saml", "verify", "--help")).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: saml verify");
    }

    static Stream<List<String>> usageErrors() throws IOException {
        String md = dir.resolve("metadata.xml").toString();
        String resp = dir.resolve("response.xml").toString();
        List<String> base = List.of("saml", "verify", "--idp-metadata", md, "--sp-entity-id", SP, "--acs-url", ACS);
        return Stream.of(
                List.of(),
                List.of("saml"),
                List.of("verify"),
                List.of("saml", "check", resp),
                List.of("saml", "verify"),
                without(base, "--idp-metadata", md, resp),
                without(base, "--sp-entity-id", SP, resp),
                without(base, "--acs-url", ACS, resp),
                base,
                plus(base, resp, resp),
                plus(base, "--unknown", resp),
                plus(base, "--now", "yesterday", resp),
                plus(base, "--now", resp),
                plus(base, "--request-id", resp),
                plus(base, "--sp-entity-id", "again", resp),
                plus(base, "--allow-sha1=yes", resp),
                plus(base, "--sp-entity-id="),
                plus(base, dir.resolve("missing.xml").toString()),
                List.of("saml", "verify", "--idp-metadata", resp, "--sp-entity-id", SP, "--acs-url", ACS, resp),
                List.of("saml", "verify", "--idp-metadata", dir.toString(), "--sp-entity-id", SP, "--acs-url", ACS, resp));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("usageErrors")
    void exitsWithTwoAndUsageOnEveryUsageError(List<String> args) {
        int exit = run(args.toArray(String[]::new));

        assertThat(exit).isEqualTo(2);
        assertThat(out.size()).as("nothing on stdout").isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: saml verify");
    }

    private int run(String... args) {
        return SamlCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Map<String, Object> json() {
        String text = out.toString(StandardCharsets.UTF_8).trim();
        assertThat(text.lines()).hasSize(1);
        return MiniJson.object(text);
    }

    private static Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static List<String> without(List<String> base, String option, String value, String last) {
        List<String> l = new ArrayList<>(base);
        int i = l.indexOf(option);
        l.remove(i + 1);
        l.remove(i);
        l.add(last);
        return l;
    }

    private static List<String> plus(List<String> base, String... more) {
        List<String> l = new ArrayList<>(base);
        l.addAll(List.of(more));
        return l;
    }
}
