package org.portcullis.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The cluster of {@code make cluster} (src/cluster/cluster.sh: instances behind HAProxy with
 * deploy/haproxy.cfg), started by a test on ports of its own and a database of its own. The instances run from
 * the test classpath, not target/app.jar: {@code make test} runs before the jar is packaged.
 */
public final class LocalCluster {
    private static final Path SCRIPT = Path.of("src/cluster/cluster.sh");
    /** Generous: two cold JVMs on two cores that other tests share. */
    private static final long SCRIPT_TIMEOUT_SECONDS = 240;

    private final Path directory;
    private final String databaseUrl;
    private final int instances;
    private final int basePort;
    private final int balancerPort;

    public LocalCluster(Path directory, String databaseUrl, int instances) {
        this.directory = directory;
        this.databaseUrl = databaseUrl;
        this.instances = instances;
        this.basePort = freeBlock();
        this.balancerPort = basePort + 99;
    }

    public static boolean haproxyInstalled() {
        return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(":")), Stream.of("/usr/sbin"))
                .filter(dir -> !dir.isEmpty())
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "haproxy")));
    }

    /** Where clients reach the cluster: HAProxy. */
    public int balancerPort() {
        return balancerPort;
    }

    /** Starts PostgreSQL's database (migrated once), the instances and HAProxy; returns when all are in rotation. */
    public String start() {
        return run("start");
    }

    /** Restarts instance {@code n} as a deploy does; returns when HAProxy has it back. */
    public String restart(int n) {
        return run("restart", String.valueOf(n));
    }

    public String stop() {
        return run("stop");
    }

    /** The PIDs recorded under the cluster's directory now. */
    public List<Long> recordedPids() {
        try (Stream<Path> files = Files.list(directory)) {
            List<Long> pids = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                pids.add(Long.parseLong(Files.readString(file).trim()));
            }
            return pids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("CLUSTER_DIR", directory.toString());
        env.put("DATABASE_URL", databaseUrl);
        env.put("INSTANCES", String.valueOf(instances));
        env.put("BASE_PORT", String.valueOf(basePort));
        env.put("LB_PORT", String.valueOf(balancerPort));
        env.put("APP_MAIN", "org.portcullis.PortcullisApplication");
        env.put("CLASSPATH", System.getProperty("java.class.path"));
        // Tests register every account from the loopback, and bcrypt at cost 4 keeps logins cheap.
        env.put("CLUSTER_JAVA_OPTS", "-Ddw.lockout.registrationsPerAddress=1000000 -Ddw.passwords.bcryptCost="
                + TestApps.FAST_BCRYPT_COST + " -Ddw.logging.level=WARN");
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("cluster.sh " + String.join(" ", arguments) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A base port whose block (base: HAProxy's stats; base+1..: instances; base+51..: their admin ports;
     * base+99: HAProxy) is free now.
     */
    private int freeBlock() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20_000 + 100 * ThreadLocalRandom.current().nextInt(100);
            List<Integer> ports = new ArrayList<>(List.of(base, base + 99));
            for (int i = 1; i <= instances; i++) {
                ports.add(base + i);
                ports.add(base + 50 + i);
            }
            if (ports.stream().allMatch(LocalCluster::free)) {
                return base;
            }
        }
        throw new IllegalStateException("no free block of ports for the cluster");
    }

    private static boolean free(int port) {
        try (ServerSocket ignored = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
