package io.gatehouse.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyEncryptionKeysTest {

    @TempDir
    Path dir;

    @Test
    void theFirstConfiguredKeySealsAndAllOpen() {
        KeyEncryptionKeys keys = KeyEncryptionKeys.parse("k2:" + SecretSealerTest.key(2) + ", k1:" + SecretSealerTest.key(1));

        assertThat(keys.current().id()).isEqualTo("k2");
        assertThat(keys.ids()).containsExactly("k2", "k1");
    }

    @Test
    void aFileMayHoldOneKeyPerLineWithComments() throws Exception {
        Path file = Files.writeString(dir.resolve("kek"), "# rotated 2026-12\nk2:" + SecretSealerTest.key(2)
                + "\nk1:" + SecretSealerTest.key(1) + "\n");

        assertThat(KekSource.load("", file.toString(), "jdbc:postgresql://db/gh").ids()).containsExactly("k2", "k1");
    }

    @Test
    void malformedKeysAreRefusedWithoutEchoingTheKey() {
        assertThatThrownBy(() -> KeyEncryptionKeys.parse("justtext")).hasMessageContaining("<id>:<base64");
        assertThatThrownBy(() -> KeyEncryptionKeys.parse("k1:c2hvcnQ=")).hasMessageContaining("5 bytes")
                .hasMessageNotContaining("c2hvcnQ");
        assertThatThrownBy(() -> KeyEncryptionKeys.parse("k1:!!!")).hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> KeyEncryptionKeys.parse("bad id:" + SecretSealerTest.key(1))).hasMessageContaining("id");
        assertThatThrownBy(() -> KeyEncryptionKeys.parse("k1:" + SecretSealerTest.key(1) + " k1:" + SecretSealerTest.key(2)))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> KeyEncryptionKeys.parse(" ")).hasMessageContaining("at least one");
    }

    @Test
    void postgresWithoutAConfiguredKeyRefusesToStart() {
        assertThatThrownBy(() -> KekSource.load("", "", "jdbc:postgresql://127.0.0.1/gh"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("GATEHOUSE_KEK");
    }

    @Test
    void theEmbeddedFileDatabaseGetsAKeyBesideItsDataThatSurvivesARestart() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("data/gatehouse") + ";MODE=PostgreSQL";

        KeyEncryptionKeys first = KekSource.load("", "", url);
        KeyEncryptionKeys second = KekSource.load("", "", url);

        Path file = dir.resolve("data").resolve(KekSource.GENERATED_FILE_NAME);
        assertThat(file).exists();
        assertThat(second.current().key().getEncoded()).isEqualTo(first.current().key().getEncoded());
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void aKeyNeverShowsInItsTextForm() {
        KeyEncryptionKey key = KeyEncryptionKey.parse("k1:" + SecretSealerTest.key(7));

        assertThat(key.toString()).isEqualTo("KeyEncryptionKey[k1]");
    }
}
