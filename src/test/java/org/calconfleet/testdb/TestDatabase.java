package org.calconfleet.testdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A fresh database for one test context, dropped when that context is done. Tests run on H2 unless the JVM is
 * started with {@code -Dcalcon.test.database=postgres} (the {@code postgres} execution of {@code mvn verify} does);
 * then each context gets its own PostgreSQL database, named {@code CALCON_TEST_DB_PREFIX} (default
 * {@code calcon_it_}) and a random suffix, on the server at {@code CALCON_TEST_PG_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}) as {@code CALCON_TEST_PG_USER}/{@code _PASSWORD}.
 */
public record TestDatabase(String name, String url, String user, String password) implements AutoCloseable {

    public static final String SELECTOR = "calcon.test.database";
    /** Set to {@code true} (as {@code .ci/run} does) and a missing PostgreSQL fails the run instead of skipping. */
    public static final String REQUIRED = "CALCON_REQUIRE_POSTGRES";

    public static boolean onPostgres() {
        return "postgres".equalsIgnoreCase(System.getProperty(SELECTOR, "h2"));
    }

    public static boolean postgresRequired() {
        return "true".equalsIgnoreCase(System.getenv(REQUIRED));
    }

    static String serverUrl() {
        return env("CALCON_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    }

    static String serverUser() {
        return env("CALCON_TEST_PG_USER", "postgres");
    }

    static String serverPassword() {
        return env("CALCON_TEST_PG_PASSWORD", "");
    }

    /** Why the PostgreSQL server cannot be used, or empty when it can. */
    static Optional<String> postgresProblem() {
        try (Connection ignored = DriverManager.getConnection(serverUrl(), serverUser(), serverPassword())) {
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(serverUrl() + " as " + serverUser() + ": " + e.getMessage());
        }
    }

    /** A new, empty PostgreSQL database. */
    public static TestDatabase createPostgres() {
        return createPostgres(env("CALCON_TEST_DB_PREFIX", "calcon_it_"));
    }

    /** A new, empty PostgreSQL database whose name is {@code prefix} and a random suffix. */
    public static TestDatabase createPostgres(String prefix) {
        String name = prefix
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        execute("create database " + name);
        String base = serverUrl().substring(0, serverUrl().lastIndexOf('/') + 1);
        return new TestDatabase(name, base + name, serverUser(), serverPassword());
    }

    /** On PostgreSQL a new database; on H2 a database file in {@code directory} (a test's temporary one). */
    public static TestDatabase create(Path directory) {
        if (onPostgres()) {
            return createPostgres();
        }
        Path file = directory.resolve("calcon").toAbsolutePath();
        return new TestDatabase(file.toString(), "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** The console's options that point it at this database. */
    public String[] arguments() {
        return new String[] {"--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password};
    }

    @Override
    public void close() {
        if (isPostgres()) {
            execute("drop database if exists " + name + " with (force)");
        }
    }

    /** A connection of the test's own, e.g. to look at what a stopped console left behind. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static void execute(String sql) {
        try (Connection db = DriverManager.getConnection(serverUrl(), serverUser(), serverPassword());
             Statement statement = db.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + serverUrl() + ": " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
