package org.portcullis.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.portcullis.PortcullisApplication;
import org.portcullis.support.TestApps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Direct IPv6 clients, as the security review saw them from outside: the service and its clients in a
 * network namespace this test creates (root only; skipped elsewhere), with fd00::1/64, fd00::2/64 and
 * fd00:0:0:1::1/64 on the namespace's own loopback. Jetty gives an IPv6 peer in brackets; when that was
 * not read as an address, every address of a /64 was a fresh throttle bucket. The service runs as its own
 * JVM inside the namespace (a thread cannot change namespace), the clients are curl bound to one source
 * address each. No traffic leaves the namespace, and the namespace is deleted afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectIpv6ClientsTest {
    private static final String SERVICE = "http://[fd00::1]:8080";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final String namespace = "pc-" + UUID.randomUUID().toString().substring(0, 8);
    private boolean created;
    private Process service;
    private Path serviceLog;

    @BeforeAll
    void serviceInItsOwnNamespace() throws Exception {
        assumeTrue(run("id", "-u").output().strip().equals("0"), "network namespaces need root");
        assumeTrue(run("curl", "--version").status() == 0, "the clients are curl");
        assumeTrue(run("ip", "netns", "add", namespace).status() == 0, "ip netns add is not permitted here");
        created = true;
        ip("link", "set", "lo", "up");
        for (String address : List.of("fd00::1/64", "fd00::2/64", "fd00:0:0:1::1/64")) {
            // nodad: usable at once, not "tentative" while duplicate address detection runs
            ip("-6", "addr", "add", address, "dev", "lo", "nodad");
        }
        serviceLog = Files.createTempFile("portcullis-netns-", ".log");
        ProcessBuilder builder = new ProcessBuilder("ip", "netns", "exec", namespace,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Ddw.lockout.addressMaxFailures=5", "-Ddw.logging.level=WARN",
                PortcullisApplication.class.getName(), "server", TestApps.CONFIG)
                .redirectErrorStream(true).redirectOutput(serviceLog.toFile());
        builder.environment().putAll(Map.of("PORT", "8080", "ADMIN_PORT", "8081", "BCRYPT_COST", "4",
                "JWT_SECRET", TestApps.SECRET, "JWT_KEY_ENCRYPTION_KEY", TestApps.KEY_ENCRYPTION_KEY,
                "DATABASE_URL", "jdbc:h2:mem:netns;MODE=PostgreSQL;DB_CLOSE_DELAY=-1"));
        service = builder.start();
        awaitHealthy();
    }

    @AfterAll
    void stopTheServiceAndDeleteTheNamespace() throws Exception {
        if (service != null) {
            service.destroy();
            if (!service.waitFor(20, TimeUnit.SECONDS)) {
                service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (created) {
            run("ip", "netns", "del", namespace);
        }
        if (serviceLog != null) {
            Files.deleteIfExists(serviceLog);
        }
    }

    @Test
    void clientsOfOneSlash64ShareOneFailureBucketAndAnotherSlash64DoesNot() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(login("fd00::1", "nobody-" + i + "@example.org")).isEqualTo(401);
        }
        assertThat(login("fd00::1", "nobody@example.org")).as("the address that failed").isEqualTo(429);
        assertThat(login("fd00::2", "nobody@example.org")).as("another address of its /64").isEqualTo(429);
        assertThat(login("fd00:0:0:1::1", "nobody@example.org")).as("another /64").isEqualTo(401);
    }

    /** The status of a failing login sent from {@code source}. */
    private int login(String source, String email) throws Exception {
        Result curl = inNamespace("curl", "-sS", "-g", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "30",
                "--interface", source, "-H", "Content-Type: application/json",
                "-d", "{\"email\":\"" + email + "\",\"password\":\"wrong password here\"}",
                SERVICE + "/api/v1/auth/login");
        assertThat(curl.status()).as(curl.output()).isZero();
        return Integer.parseInt(curl.output().strip());
    }

    private void awaitHealthy() throws Exception {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service exited: " + Files.readString(serviceLog));
            }
            Result health = inNamespace("curl", "-s", "-g", "-o", "/dev/null", "-w", "%{http_code}",
                    "--max-time", "2", "--retry", "1", "--retry-connrefused", "--retry-delay", "1",
                    SERVICE + "/health");
            if (health.output().strip().equals("200")) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not healthy within " + START_TIMEOUT + ": " + Files.readString(serviceLog));
            }
        }
    }

    private void ip(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("ip", "-n", namespace));
        command.addAll(List.of(arguments));
        Result result = run(command.toArray(String[]::new));
        assertThat(result.status()).as(result.output()).isZero();
    }

    private Result inNamespace(String... command) throws Exception {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(command));
        return run(full.toArray(String[]::new));
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return new Result(127, String.valueOf(notInstalled.getMessage()));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    private record Result(int status, String output) {
    }
}
