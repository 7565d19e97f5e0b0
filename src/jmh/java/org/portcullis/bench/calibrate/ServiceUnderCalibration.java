package org.portcullis.bench.calibrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.portcullis.support.FreePort;

import java.io.IOException;
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
 * The service jar started at one bcrypt cost, on a fresh H2 database under {@code directory} and free
 * ports, with config.yml otherwise as it is: the production login path (JSON, throttle claims, the bulkhead,
 * the hasher, token signing). Closing it stops that process, by its own handle, and waits for it to end.
 */
final class ServiceUnderCalibration implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final String PASSWORD = "calibration password";

    private final Process process;
    /** Stops the service if the calibration is interrupted (Ctrl-C) while it runs. */
    private final Thread stopOnExit;
    private final URI api;
    private final URI admin;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private ServiceUnderCalibration(Process process, URI api, URI admin, Path log) {
        this.process = process;
        this.stopOnExit = new Thread(process::destroy, "calibration-service-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        this.api = api;
        this.admin = admin;
        this.log = log;
    }

    static ServiceUnderCalibration start(Path jar, int cost, Path directory) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        int port = FreePort.pick();
        int adminPort = FreePort.pick();
        Path log = directory.resolve("service.log");
        List<String> command = new ArrayList<>(List.of("java",
                "-Ddw.passwords.bcryptCost=" + cost,
                // Every account of the run registers from loopback; the limit is not what is measured.
                "-Ddw.lockout.registrationsPerAddress=1000000",
                "-Ddw.tokens.keyEncryptionKeyFile=" + directory.resolve("key-encryption.key"),
                "-Ddw.mail.directory=" + directory.resolve("mail"),
                "-jar", jar.toString(), "server", "config.yml"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("PORT", Integer.toString(port));
        environment.put("ADMIN_PORT", Integer.toString(adminPort));
        environment.put("DATABASE_URL", "jdbc:h2:" + directory.toAbsolutePath().resolve("h2/portcullis")
                + ";MODE=PostgreSQL");
        environment.put("BCRYPT_COST", Integer.toString(cost));
        ServiceUnderCalibration service = new ServiceUnderCalibration(builder.start(),
                URI.create("http://127.0.0.1:" + port), URI.create("http://127.0.0.1:" + adminPort), log);
        try {
            service.awaitHealthy();
        } catch (IOException | RuntimeException | InterruptedException e) {
            service.close();
            throw e;
        }
        return service;
    }

    URI api() {
        return api;
    }

    long pid() {
        return process.pid();
    }

    /** Registers {@code count} accounts and returns one login body for each. */
    List<String> loginBodies(int count) throws IOException, InterruptedException {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = "calibration-" + i + "@example.org";
            HttpResponse<String> created = post("/api/v1/auth/register", Map.of("email", email, "password", PASSWORD,
                    "first_name", "Calibration"));
            if (created.statusCode() != 201) {
                throw new IOException("registration answered " + created.statusCode() + ": " + created.body());
            }
            bodies.add(json.writeValueAsString(Map.of("email", email, "password", PASSWORD)));
        }
        return bodies;
    }

    /** A gauge of the admin port's /metrics, e.g. {@code portcullis.capacity.logins-per-second}. */
    double gauge(String name) throws IOException, InterruptedException {
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(admin.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode value = json.readTree(metrics.body()).path("gauges").path(name).path("value");
        if (!value.isNumber()) {
            throw new IOException("no gauge " + name + " on " + admin + "/metrics");
        }
        return value.asDouble();
    }

    private HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(api.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpRequest health = HttpRequest.newBuilder(api.resolve("/health")).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the service exited during start-up; see " + log);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // polled again below
            }
            // Polling a process we do not control: there is no event to wait on but its port answering.
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new IOException("the service did not answer /health with 200 within " + START_TIMEOUT + "; see " + log);
    }

    /** SIGTERM to this process (Dropwizard stops gracefully), then SIGKILL if it has not ended in time. */
    @Override
    public void close() throws InterruptedException {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException alreadyExiting) {
            // the hook is running or about to: it stops the process too
        }
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
