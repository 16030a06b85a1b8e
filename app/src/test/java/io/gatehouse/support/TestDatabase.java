package io.gatehouse.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The database one test JVM runs against, chosen by {@code -Dgatehouse.test.db=h2|postgres} (the build runs
 * every *IT class once per database). Each JVM creates its own fresh database and drops it at exit, so
 * tests never depend on leftovers. PostgreSQL unreachable is a failure, never a silent skip.
 */
public final class TestDatabase {

    public static final String POSTGRES_ADMIN_URL = System.getProperty("gatehouse.test.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    public static final String POSTGRES_USER = System.getProperty("gatehouse.test.postgres.user", "postgres");

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
        try (Connection c = DriverManager.getConnection(POSTGRES_ADMIN_URL, POSTGRES_USER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL tests are required but PostgreSQL is not reachable at "
                    + POSTGRES_ADMIN_URL + " as " + POSTGRES_USER + " (" + e.getMessage() + "). Start it, or run "
                    + "with -Dgatehouse.test.skipPostgres=true to run H2 only.", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropPostgres(name)));
        String url = POSTGRES_ADMIN_URL.substring(0, POSTGRES_ADMIN_URL.lastIndexOf('/') + 1) + name;
        return new TestDatabase("postgres", url, POSTGRES_USER, "");
    }

    private static void dropPostgres(String name) {
        try (Connection c = DriverManager.getConnection(POSTGRES_ADMIN_URL, POSTGRES_USER, "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }
}
