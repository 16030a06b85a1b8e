package io.gatehouse.durability;

import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server ({@code target/gatehouse.jar}, built in {@code package} before failsafe runs) as a separate
 * operating-system process, so a test can SIGKILL it. On H2 it runs in {@code workDir} with the product's default
 * database URL (an H2 file under {@code ./data/}); on PostgreSQL on this JVM's test database.
 */
final class ServerProcess {

    static final Path JAR = Path.of(System.getProperty("gatehouse.test.jar", "target/gatehouse.jar"));

    private final Process process;
    private final Path log;
    private final int port;

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static ServerProcess start(Path workDir, TestDatabase db, String name) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: it is built in the package phase");
        }
        int port = freePort();
        Path log = workDir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", JAR.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--gatehouse.auth-throttle.failures-per-minute=100000"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("GATEHOUSE_"));
        env.put("GATEHOUSE_OPERATOR_TOKEN", IntegrationTest.OPERATOR_TOKEN);
        env.put("GATEHOUSE_KEK", IntegrationTest.TEST_KEK);
        env.put("GATEHOUSE_BASE_URL", "https://gatehouse.test");
        env.put("GATEHOUSE_DB_POOL_SIZE", "8");
        if (db.isPostgres()) {
            env.put("GATEHOUSE_DB_URL", db.url());
            env.put("GATEHOUSE_DB_USER", db.user());
            env.put("GATEHOUSE_DB_PASSWORD", db.password());
        } // H2: no URL at all, the product's default (file ./data/gatehouse) is what is under test
        ServerProcess server = new ServerProcess(builder.start(), log, port);
        server.awaitHealthy(Duration.ofSeconds(90));
        return server;
    }

    Http http() {
        return Http.at("http://127.0.0.1:" + port);
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL ({@link Process#destroyForcibly()} on Linux); returns the exit status the OS reported. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server did not die");
        }
        return process.exitValue();
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitHealthy(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                Http.Response health = http().get("/actuator/health", null);
                if (health.status() == 200 && health.json().path("status").asString().equals("UP")) {
                    return;
                }
            } catch (IllegalStateException notYetListening) {
                // connection refused while starting
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server was not healthy within " + timeout + ":\n" + logTail());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
