package io.gatehouse.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.UUID;

/**
 * The database one test JVM runs against, chosen by {@code -Dgatehouse.test.db=h2|postgres} (the build runs
 * every *IT class once per database). Each JVM creates its own fresh database and drops it at exit, so
 * tests never depend on leftovers.
 *
 * <p>PostgreSQL: the server named by {@code -Dgatehouse.test.postgres.url} or {@code GATEHOUSE_TEST_PG_URL}
 * (the {@code postgres} database of it, user {@code gatehouse.test.postgres.user} / {@code GATEHOUSE_TEST_PG_USER},
 * default {@code postgres}, no password); a configured server that is unreachable is a failure, never a silent
 * skip. Without one the JVM starts its own ({@link OwnPostgres}), shared by all its test classes.
 */
public final class TestDatabase {

    private static final String CONFIGURED_POSTGRES_URL = setting("gatehouse.test.postgres.url", "GATEHOUSE_TEST_PG_URL");
    private static final String POSTGRES_USER = CONFIGURED_POSTGRES_URL == null ? "postgres"
            : Objects.requireNonNullElse(setting("gatehouse.test.postgres.user", "GATEHOUSE_TEST_PG_USER"), "postgres");

    private static TestDatabase instance;

    private final String kind;
    private final String url;
    private final String user;
    private final String password;

    private TestDatabase(String kind, String url, String user, String password) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = create(System.getProperty("gatehouse.test.db", "h2"));
        }
        return instance;
    }

    public String kind() {
        return kind;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean isPostgres() {
        return kind.equals("postgres");
    }

    private static TestDatabase create(String kind) {
        String name = "gh_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return switch (kind) {
            case "h2" -> new TestDatabase("h2", "jdbc:h2:mem:" + name
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
            case "postgres" -> createPostgres(name);
            default -> throw new IllegalStateException("gatehouse.test.db must be h2 or postgres, not " + kind);
        };
    }

    private static TestDatabase createPostgres(String name) {
        String adminUrl = CONFIGURED_POSTGRES_URL == null ? OwnPostgres.start() : CONFIGURED_POSTGRES_URL;
        try (Connection c = DriverManager.getConnection(adminUrl, POSTGRES_USER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL tests are required but PostgreSQL is not reachable at "
                    + adminUrl + " as " + POSTGRES_USER + " (" + e.getMessage() + "). Start it, unset "
                    + "GATEHOUSE_TEST_PG_URL to let the tests start their own, or run with "
                    + "-Dgatehouse.test.skipPostgres=true to run H2 only.", e);
        }
        if (CONFIGURED_POSTGRES_URL != null) { // our own server goes away at exit, with all its databases
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropPostgres(adminUrl, name)));
        }
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
        return new TestDatabase("postgres", url, POSTGRES_USER, "");
    }

    private static void dropPostgres(String adminUrl, String name) {
        try (Connection c = DriverManager.getConnection(adminUrl, POSTGRES_USER, "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }

    /** A system property, else an environment variable; null when neither is set (or empty). */
    private static String setting(String property, String environmentVariable) {
        String value = System.getProperty(property, System.getenv(environmentVariable));
        return value == null || value.isBlank() ? null : value;
    }
}
