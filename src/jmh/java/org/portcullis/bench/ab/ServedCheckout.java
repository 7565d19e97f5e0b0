package org.portcullis.bench.ab;

import org.portcullis.bench.BenchJvm;
import org.portcullis.support.FreePort;
import org.portcullis.support.TestApps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One checkout's service as its own process, for the {@link Placement#ALTERNATING} rounds: the checkout's
 * classes and its config.yml (run in its directory, so a bcrypt cost raised there is part of the change),
 * the flags of every benchmark fork ({@link BenchJvm}), a fresh H2 file database and free ports. Only what
 * the latency tests' in-process app overrides differs from production: the ports, the database, WARN
 * logging, the per-address registration limit (every account of a round registers from loopback), the mail
 * directory, a fixed key-encryption key and the introspection client the mix asks as.
 *
 * <p>Closing it kills the process by its own handle and waits for it to end. Not the graceful stop: that
 * serves on for {@code shutdownWaitPeriod} (4 s, for a load balancer to notice) before Jetty stops, on every
 * side, every round, and a measured service holds nothing a stop must keep (its database is thrown away).
 */
final class ServedCheckout implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Checkout checkout;
    private final Process process;
    private final URI api;
    private final URI admin;
    private final Path log;

    private ServedCheckout(Checkout checkout, Process process, URI api, URI admin, Path log) {
        this.checkout = checkout;
        this.process = process;
        this.api = api;
        this.admin = admin;
        this.log = log;
    }

    /**
     * Starts the checkout's service and returns at once; {@link #awaitHealthy()} waits for it, so that the
     * services of one round start side by side.
     *
     * @param directory where its database, mail and log go (created)
     */
    static ServedCheckout start(String java, Checkout checkout, Path directory) {
        try {
            Files.createDirectories(directory);
            int port = FreePort.pick();
            int adminPort = FreePort.pick();
            Path log = directory.resolve("service.log").toAbsolutePath();
            List<String> command = new ArrayList<>(List.of(java, "-cp", checkout.classpath(), BenchJvm.HEAP_MIN,
                    BenchJvm.HEAP_MAX, BenchJvm.GC,
                    "-Ddw.logging.level=WARN",
                    "-Ddw.lockout.registrationsPerAddress=1000000",
                    "-Ddw.mail.directory=" + directory.toAbsolutePath().resolve("mail"),
                    "-Ddw.tokens.keyEncryptionKey=" + TestApps.KEY_ENCRYPTION_KEY,
                    "-Ddw.tokens.introspection.clients." + TestApps.INTROSPECTION_CLIENT + "="
                            + TestApps.INTROSPECTION_SECRET,
                    "org.portcullis.PortcullisApplication", "server", "config.yml"));
            ProcessBuilder builder = new ProcessBuilder(command).directory(checkout.directory().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            environment.put("PORT", Integer.toString(port));
            environment.put("ADMIN_PORT", Integer.toString(adminPort));
            environment.put("DATABASE_URL", "jdbc:h2:" + directory.toAbsolutePath().resolve("h2/portcullis")
                    + ";MODE=PostgreSQL");
            // As under Surefire: a developer's production secret never reaches a benchmark.
            environment.put("JWT_SECRET", "");
            return new ServedCheckout(checkout, builder.start(), URI.create("http://127.0.0.1:" + port),
                    URI.create("http://127.0.0.1:" + adminPort), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + checkout.name() + " service: " + e.getMessage(), e);
        }
    }

    Checkout checkout() {
        return checkout;
    }

    URI api() {
        return api;
    }

    URI admin() {
        return admin;
    }

    Path log() {
        return log;
    }

    /** Waits until the service answers /health with 200; fails naming its log if it exits or takes too long. */
    void awaitHealthy() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(api.resolve("/health")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the " + checkout.name() + " service exited during start-up (log: " + log + ")");
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // polled again below
            }
            // A process we do not control: there is no event to wait on but its port answering.
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new IOException("the " + checkout.name() + " service did not answer /health within " + START_TIMEOUT
                + " (log: " + log + ")");
    }

    /** Kills the service and waits for it to end. */
    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }
}
