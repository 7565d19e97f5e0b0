package org.portcullis.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own, made with initdb and driven with pg_ctl, on a free port with its
 * data in a temporary directory, so a test may stop and start it at will. Never the shared server on
 * 5432. The server refuses to run as root, so as root the tools run as the {@code postgres} OS user.
 */
public final class ThrowawayPostgres implements AutoCloseable {
    public static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    private final Path dir;
    private final Path data;
    private final int port;

    private ThrowawayPostgres(Path dir, int port) {
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
    }

    public static boolean available() {
        return Files.isExecutable(BIN.resolve("initdb")) && Files.isExecutable(BIN.resolve("pg_ctl"));
    }

    /** initdb into a fresh temporary directory and start the cluster. */
    public static ThrowawayPostgres start() throws IOException {
        Path dir = Files.createTempDirectory("portcullis-pg-");
        ThrowawayPostgres cluster = new ThrowawayPostgres(dir, FreePort.pick());
        cluster.chownToPostgres(dir);
        cluster.run(BIN.resolve("initdb").toString(), "-D", cluster.data.toString(), "-A", "trust", "-U", "postgres",
                "--no-sync", "-E", "UTF8");
        cluster.startServer();
        return cluster;
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres&connectTimeout=2";
    }

    public void startServer() {
        run(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-l", dir.resolve("log").toString(),
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    /** A fast shutdown: open connections are closed, as when the database host goes away. */
    public void stopServer() {
        run(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-m", "fast", "stop");
    }

    @Override
    public void close() {
        try {
            stopServer();
        } catch (IllegalStateException alreadyStopped) {
            // nothing to stop
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void chownToPostgres(Path path) {
        if (isRoot()) {
            run("chown", "postgres:postgres", path.toString());
        }
    }

    private void run(String... command) {
        List<String> full = new ArrayList<>();
        if (isRoot() && !command[0].equals("chown")) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("commands.log").toFile().exists()
                            ? ProcessBuilder.Redirect.appendTo(dir.resolve("commands.log").toFile())
                            : ProcessBuilder.Redirect.to(dir.resolve("commands.log").toFile()))
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " failed; see " + dir.resolve("commands.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
