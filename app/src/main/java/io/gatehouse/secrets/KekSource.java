package io.gatehouse.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the key-encryption keys come from, in this order: {@code gatehouse.secrets.kek} ({@code GATEHOUSE_KEK}), the
 * file named by {@code gatehouse.secrets.kek-file} ({@code GATEHOUSE_KEK_FILE}); without either, only the embedded
 * H2 database gets a key made for it: a file database keeps a generated one beside its data file (so it survives
 * restarts and is backed up with the data), an in-memory database a key for the life of the process. A PostgreSQL
 * deployment without a configured KEK refuses to start: a generated key on one node's disk would seal secrets the
 * other nodes, and the next deploy, could not open.
 */
final class KekSource {

    private static final Logger log = LoggerFactory.getLogger(KekSource.class);
    static final String GENERATED_FILE_NAME = "gatehouse.kek";

    private KekSource() {}

    static KeyEncryptionKeys load(String configured, String file, String datasourceUrl) {
        if (configured != null && !configured.isBlank()) {
            return KeyEncryptionKeys.parse(configured);
        }
        if (file != null && !file.isBlank()) {
            return fromFile(Path.of(file));
        }
        String url = datasourceUrl == null ? "" : datasourceUrl;
        if (url.startsWith("jdbc:h2:mem:")) {
            log.info("Secrets: in-memory database, so a key-encryption key was generated for this process only");
            return new KeyEncryptionKeys(List.of(generate("mem")));
        }
        if (url.startsWith("jdbc:h2:")) {
            return generatedBeside(h2DataFolder(url));
        }
        throw new IllegalStateException("No key-encryption key configured. Gatehouse seals private keys and secrets"
                + " with it; on a shared database every node needs the same one. Set GATEHOUSE_KEK=<id>:<base64 of 32"
                + " bytes> (e.g. k1:$(openssl rand -base64 32)) or GATEHOUSE_KEK_FILE=<path> (docs/operations.md,"
                + " \"Key-encryption key\").");
    }

    private static KeyEncryptionKeys fromFile(Path file) {
        try {
            return KeyEncryptionKeys.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("GATEHOUSE_KEK_FILE " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static KeyEncryptionKeys generatedBeside(Path folder) {
        Path file = folder.resolve(GENERATED_FILE_NAME);
        if (Files.exists(file)) {
            return fromFile(file);
        }
        KeyEncryptionKey kek = generate("h2");
        try {
            Files.createDirectories(folder);
            write(file, "# Gatehouse key-encryption key, generated for the embedded H2 database. Back it up with the"
                    + " database: without it the sealed keys and secrets in it cannot be opened.\n" + kek.encoded()
                    + "\n");
        } catch (FileAlreadyExistsException raced) {
            return fromFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated key-encryption key to " + file, e);
        }
        log.warn("Secrets: no GATEHOUSE_KEK configured; generated a key-encryption key into {} for the embedded"
                + " database. Keep it with the data folder; PostgreSQL deployments must configure GATEHOUSE_KEK.", file);
        return new KeyEncryptionKeys(List.of(kek));
    }

    private static void write(Path file, String text) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** {@code jdbc:h2:file:./data/gatehouse;MODE=…} → {@code ./data}; a bare {@code jdbc:h2:./x} is a file too. */
    static Path h2DataFolder(String url) {
        String path = url.substring("jdbc:h2:".length());
        int options = path.indexOf(';');
        if (options >= 0) {
            path = path.substring(0, options);
        }
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        }
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        Path parent = Path.of(path).toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }

    private static KeyEncryptionKey generate(String id) {
        byte[] key = new byte[KeyEncryptionKey.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return new KeyEncryptionKey(id, new SecretKeySpec(key, "AES"));
    }
}
