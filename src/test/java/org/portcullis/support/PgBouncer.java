package org.portcullis.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * A PgBouncer of the test's own in transaction mode (pool_mode = transaction, two server connections per
 * pool, trust auth as postgres), in front of the PostgreSQL of TEST_POSTGRES_URL on 127.0.0.1:5432: its own
 * configuration in a temporary directory, its own port, started before the instances and ended by its own
 * PID after them. Declare it after the {@link DatabaseExtension} whose database it serves.
 */
public final class PgBouncer implements BeforeAllCallback, AfterAllCallback {
    private static final List<Path> PLACES = List.of(Path.of("/usr/sbin/pgbouncer"), Path.of("/usr/bin/pgbouncer"),
            Path.of("/usr/local/bin/pgbouncer"));

    private final DatabaseExtension database;
    private Process process;
    private Path directory;
    private int port;

    public PgBouncer(DatabaseExtension database) {
        this.database = database;
    }

    /** The pgbouncer executable on PATH or in Debian's place, if installed. */
    public static Optional<Path> executable() {
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, "pgbouncer"));
        return Stream.concat(onPath, PLACES.stream()).filter(Files::isExecutable).findFirst();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path pgbouncer = executable().orElseThrow(() -> new IllegalStateException("pgbouncer is not installed"));
        directory = Files.createTempDirectory("portcullis-pgbouncer-");
        port = FreePort.pick();
        Files.writeString(directory.resolve("users.txt"), "\"postgres\" \"\"\n");
        // Run as root (CI), PgBouncer refuses to start unless told which user to become.
        String user = "root".equals(System.getProperty("user.name")) ? "user = postgres\n" : "";
        Files.writeString(directory.resolve("pgbouncer.ini"), """
                [databases]
                * = host=127.0.0.1 port=5432
                [pgbouncer]
                listen_addr = 127.0.0.1
                listen_port = %d
                unix_socket_dir =
                auth_type = trust
                auth_file = %s
                pool_mode = transaction
                default_pool_size = 2
                max_client_conn = 500
                ignore_startup_parameters = extra_float_digits,options
                %s""".formatted(port, directory.resolve("users.txt"), user));
        directory.toFile().setReadable(true, false);
        directory.toFile().setExecutable(true, false);
        directory.resolve("users.txt").toFile().setReadable(true, false);
        directory.resolve("pgbouncer.ini").toFile().setReadable(true, false);
        process = new ProcessBuilder(pgbouncer.toString(), directory.resolve("pgbouncer.ini").toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("pgbouncer.log").toFile()).start();
        awaitListening();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            // Its own PID only: Process.destroy signals exactly the process this test started.
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** The JDBC URL of the test's database through this PgBouncer (no server-side prepared statements). */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database.database().name()
                + "?user=postgres&prepareThreshold=0";
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("pgbouncer exited: " + Files.readString(directory.resolve("pgbouncer.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("pgbouncer not listening on " + port + " within 10 s: "
                            + Files.readString(directory.resolve("pgbouncer.log")), notYet);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
    }
}
