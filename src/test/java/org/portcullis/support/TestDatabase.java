package org.portcullis.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A database of its own for one test class: an in-memory H2 in PostgreSQL mode, or a freshly created
 * PostgreSQL database with a random name on the server of TEST_POSTGRES_URL, dropped afterwards.
 */
public final class TestDatabase implements AutoCloseable {
    public static final String POSTGRES_URL_VARIABLE = "TEST_POSTGRES_URL";

    private final String url;
    private final String adminUrl;
    private final String name;

    private TestDatabase(String url, String adminUrl, String name) {
        this.url = url;
        this.adminUrl = adminUrl;
        this.name = name;
    }

    public static TestDatabase h2() {
        String name = "pc_" + UUID.randomUUID().toString().replace("-", "");
        return new TestDatabase("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1", null, name);
    }

    /** An H2 file database in a fresh temporary directory, as `make run` uses one under ./data/. */
    public static TestDatabase h2InTempDir() {
        try {
            Path dir = Files.createTempDirectory("portcullis-h2-");
            return new TestDatabase("jdbc:h2:" + dir.resolve("portcullis") + ";MODE=PostgreSQL", null, dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a new database on the server of TEST_POSTGRES_URL. */
    public static TestDatabase postgres() {
        String adminUrl = System.getenv(POSTGRES_URL_VARIABLE);
        if (adminUrl == null || adminUrl.isBlank()) {
            throw new IllegalStateException(POSTGRES_URL_VARIABLE + " is not set");
        }
        String name = "pc_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(adminUrl, "CREATE DATABASE " + name);
        return new TestDatabase(withDatabase(adminUrl, name), adminUrl, name);
    }

    public static boolean postgresConfigured() {
        String url = System.getenv(POSTGRES_URL_VARIABLE);
        return url != null && !url.isBlank();
    }

    public static boolean postgresRequired() {
        return "1".equals(System.getenv("REQUIRE_POSTGRES"));
    }

    public String url() {
        return url;
    }

    public String name() {
        return name;
    }

    public boolean isPostgres() {
        return adminUrl != null;
    }

    /** Runs one statement against this database. */
    public void execute(String sql) {
        execute(url, sql);
    }

    @Override
    public void close() {
        if (adminUrl != null) {
            execute(adminUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } else if (url.startsWith("jdbc:h2:mem:")) {
            execute(url, "SHUTDOWN");
        } else {
            deleteTree(Path.of(name));
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** jdbc:postgresql://host:port/db?params with the database part replaced. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = base.lastIndexOf('/');
        return base.substring(0, slash + 1) + database + params;
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database: " + sql + " failed: " + e.getMessage(), e);
        }
    }
}
