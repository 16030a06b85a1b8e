package io.gatehouse.saml.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.saml.core.cli.SamlCli;
import io.gatehouse.saml.core.support.Fixtures;
import io.gatehouse.saml.core.support.IdpMetadataXml;
import io.gatehouse.saml.core.support.MiniJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code saml verify} over every file of the attack corpus, with the connection {@link AttackCorpusTest} judges
 * it by: a refused document always ends with exit 1 and the code of {@link AttackTable} (never exit 2, which is
 * for wrong command-line use, and never an exception), the control cases with exit 0.
 */
class AttackCorpusCliTest {

    @TempDir
    Path dir;

    static Stream<Map<String, Object>> attacks() {
        return AttackCorpusTest.attacks();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("attacks")
    void endsEveryAttackWithExitOneAndTheCodeOfTheTable(Map<String, Object> entry) throws IOException {
        AttackTable.Row row = AttackTable.row((String) entry.get("file"));

        Outcome outcome = verify(entry, true);

        if (row.code() == null) {
            assertThat(outcome.exit()).as("%s is a control case: %s", row.file(), outcome).isEqualTo(SamlCli.VALID);
        } else {
            assertThat(outcome.exit()).as("%s: %s", row.file(), outcome).isEqualTo(SamlCli.INVALID);
            assertThat(outcome.json()).as(row.file()).containsEntry("valid", false)
                    .containsEntry("code", row.code().name());
        }
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("attacks")
    void refusesEveryFixtureUnderTheDefaultPolicyWithExitOne(Map<String, Object> entry) throws IOException {
        Outcome outcome = verify(entry, false);

        assertThat(outcome.exit()).as("%s: %s", entry.get("file"), outcome).isEqualTo(SamlCli.INVALID);
        assertThat((String) outcome.json().get("code")).isNotIn("OK", FailureCode.INTERNAL_ERROR.name());
    }

    private record Outcome(int exit, Map<String, Object> json, String stderr) {
    }

    private Outcome verify(Map<String, Object> entry, boolean allowSha1) throws IOException {
        SamlValidationConfig config = AttackCorpusTest.config(entry, allowSha1);
        Path metadata = Files.writeString(dir.resolve("metadata.xml"),
                IdpMetadataXml.of(config.idpEntityId(), config.trustedCertificates()));
        Path response = Files.write(dir.resolve("response"), Fixtures.bytes((String) entry.get("file")));
        List<String> args = new ArrayList<>(List.of("saml", "verify", "--idp-metadata", metadata.toString(),
                "--sp-entity-id", config.spEntityId(), "--acs-url", config.acsUrl(),
                "--now", AttackCorpusTest.instantOf(entry).toString()));
        if (config.expectedRequestId() != null) {
            args.addAll(List.of("--request-id", config.expectedRequestId()));
        }
        if (config.allowIdpInitiated()) {
            args.add("--allow-idp-initiated");
        }
        if (allowSha1) {
            args.add("--allow-sha1");
        }
        args.add(response.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SamlCli.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String stdout = out.toString(StandardCharsets.UTF_8).trim();
        return new Outcome(exit, stdout.isEmpty() ? Map.of() : MiniJson.object(stdout),
                err.toString(StandardCharsets.UTF_8));
    }
}
