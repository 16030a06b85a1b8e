package io.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The support command as support engineers run it: {@code java -jar gatehouse.jar saml verify …} on the
 * packaged jar. It must answer one JSON object and the documented exit code without starting the server.
 */
class SamlVerifyCommandIT {

    private static final Path JAR = Path.of("target", "gatehouse.jar");
    private static final Path FIXTURES = Path.of("..", "saml-core", "src", "test", "resources", "saml-fixtures");
    private static final String METADATA = FIXTURES.resolve("metadata/entra-app-metadata-tenant-a9054a0f-2023.xml")
            .toString();
    private static final String RESPONSE = FIXTURES.resolve("responses/entra/ssoready-entra-response.xml").toString();
    private static final String SP = "http://localhost:8080/accounts/8155d0cc-d51b-461a-a062-821b6bd574b1/saml";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Run(int exit, String out, String err) {}

    @Test
    void verifiesARealEntraResponseAndExitsZero() throws Exception {
        Run run = run("saml", "verify", "--idp-metadata", METADATA, "--sp-entity-id", SP, "--acs-url", SP + "/acs",
                "--now", "2023-11-17T18:39:30.314Z", "--allow-idp-initiated", RESPONSE);

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.path("valid").asBoolean()).isTrue();
        assertThat(json.path("code").asString()).isEqualTo("OK");
        assertThat(json.path("issuer").asString()).startsWith("https://sts.windows.net/");
        assertThat(json.path("nameId").asString()).isNotBlank();
        assertThat(json.path("attributes").size()).isPositive();
        assertThat(run.out() + run.err()).doesNotContain("Started GatehouseApplication").doesNotContain("Tomcat");
    }

    @Test
    void reportsTheFailedCheckAndExitsOneWhenAudienceIsWrong() throws Exception {
        Run run = run("saml", "verify", "--idp-metadata", METADATA, "--sp-entity-id", "https://other.example/sp",
                "--acs-url", SP + "/acs", "--now", "2023-11-17T18:39:30.314Z", "--allow-idp-initiated", RESPONSE);

        assertThat(run.exit()).isEqualTo(1);
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.path("valid").asBoolean()).isFalse();
        assertThat(json.path("code").asString()).isEqualTo("AUDIENCE_MISMATCH");
        assertThat(json.path("detail").asString()).contains("https://other.example/sp");
    }

    @Test
    void refusesAnUnsolicitedResponseUnlessIdpInitiatedIsAllowed() throws Exception {
        Run run = run("saml", "verify", "--idp-metadata", METADATA, "--sp-entity-id", SP, "--acs-url", SP + "/acs",
                "--now", "2023-11-17T18:39:30.314Z", RESPONSE);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(JSON.readTree(run.out()).path("code").asString()).isEqualTo("IDP_INITIATED_NOT_ALLOWED");
    }

    @Test
    void exitsTwoOnBadUsage() throws Exception {
        assertThat(run("saml", "verify", RESPONSE).exit()).isEqualTo(2);
        assertThat(run("saml", "frobnicate").exit()).isEqualTo(2);
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        assertThat(JAR).as("the packaged jar (failsafe runs after package)").exists();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        File out = File.createTempFile("saml-verify", ".out");
        File err = File.createTempFile("saml-verify", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("saml verify did not finish within 60 s");
        }
        Run run = new Run(p.exitValue(), read(out), read(err));
        out.delete();
        err.delete();
        return run;
    }

    private static String read(File f) throws IOException {
        return java.nio.file.Files.readString(f.toPath(), StandardCharsets.UTF_8);
    }
}
