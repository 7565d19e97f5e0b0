package org.portcullis.bench.ab;

import org.portcullis.bench.BenchJvm;
import org.portcullis.bench.compare.BenchmarkResult;
import org.portcullis.bench.compare.MetricField;
import org.portcullis.bench.compare.ResultFile;
import org.portcullis.bench.compare.UsageException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Runs a fork as a child JVM of the checkout's classpath, in the checkout's directory, with its output in a
 * log file under {@code forks/} (the console keeps the gate's progress lines). The child is the fresh JVM of
 * a sample, with the flags {@link BenchJvm} pins: JMH runs inside it ({@code -f 0}, see {@link Workload}),
 * the latency tests through {@link LatencyLauncher}. A JMH sample is the fork's mean score, a latency sample
 * an endpoint's median request.
 *
 * <p>A child that outlives {@link #FORK_TIMEOUT_MINUTES} is killed with its descendants, so a hung server
 * cannot keep running after the gate has given up on it.
 */
public final class ProcessForkRunner implements ForkRunner {
    static final long FORK_TIMEOUT_MINUTES = 10;

    private final Path forks;
    /** Which side an alternating round asks first, request by request. */
    private final Random random = new Random();
    private int sequence;

    /** @param forks the directory for the forks' result files and logs */
    public ProcessForkRunner(Path forks) {
        this.forks = forks;
    }

    @Override
    public ForkOutcome run(Checkout checkout, Workload workload) {
        Fork fork = start(checkout, workload, -1);
        return fork.finish();
    }

    /**
     * Both forks start before either is waited for; each is held to its core by {@code taskset} and told by
     * {@code -XX:ActiveProcessorCount=1} that it has one, so its compiler and collector threads and Jetty's
     * pools are sized for the core it really gets instead of contending for the other side's.
     */
    @Override
    public List<ForkOutcome> runTogether(Checkout first, int firstCpu, Checkout second, int secondCpu, Workload workload) {
        Fork one = start(first, workload, firstCpu);
        Fork other = start(second, workload, secondCpu);
        ForkOutcome firstOutcome = one.finish();
        return List.of(firstOutcome, other.finish());
    }

    /**
     * Every side's service started before any is waited for, then {@link AlternatingLatency} drives them all;
     * the services are stopped whatever happens. Their logs, databases and mail are under
     * {@code forks/NNN-alternating-<workload>/<side>/}.
     */
    @Override
    public List<ForkOutcome> runAlternating(List<Checkout> sides, Workload workload, Optional<String> judged) {
        if (!workload.alternates()) {
            throw new IllegalArgumentException(workload.label() + " cannot be driven from outside its JVM");
        }
        Path round = forks.resolve(String.format("%03d-alternating-%s", ++sequence, workload.label())).toAbsolutePath();
        List<ServedCheckout> served = new ArrayList<>();
        try {
            for (Checkout side : sides) {
                served.add(ServedCheckout.start(javaExecutable(), side, round.resolve(side.name())));
            }
            for (ServedCheckout service : served) {
                service.awaitHealthy();
            }
            return new AlternatingLatency(served, AlternatingLatency.mixUpTo(judged), random, 1.0).run();
        } catch (IOException | UncheckedIOException e) {
            String reason = workload.label() + ": " + e.getMessage();
            return sides.stream().map(side -> new ForkOutcome(Map.of(), List.of(reason))).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted while starting the services of " + round.getFileName());
        } finally {
            stopAll(served);
        }
    }

    /** Kills every service (each at once: nothing waits for a graceful stop) and waits for it to end. */
    private static void stopAll(List<ServedCheckout> served) {
        boolean interrupted = Thread.interrupted();
        for (ServedCheckout service : served) {
            try {
                service.close();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A started child JVM and where its results will be. */
    private final class Fork {
        private final Workload workload;
        private final List<String> command;
        private final Path log;
        private final Path results;
        private final Process process;

        Fork(Workload workload, List<String> command, Path log, Path results, Process process) {
            this.workload = workload;
            this.command = command;
            this.log = log;
            this.results = results;
            this.process = process;
        }

        ForkOutcome finish() {
            try {
                int exit = await(process, command, log);
                List<BenchmarkResult> measured = Files.exists(results) ? ResultFile.loadJmhArray(results) : List.of();
                ForkOutcome outcome = outcome(workload, measured, exit, log);
                return Files.exists(results) ? new ForkOutcome(outcome.samples(), outcome.errors(), CountedWork.read(results))
                        : outcome;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + results + ": " + e.getMessage(), e);
            }
        }
    }

    /** @param cpu the core to hold the fork to, or -1 for every core */
    private Fork start(Checkout checkout, Workload workload, int cpu) {
        String stem = String.format("%03d-%s-%s", ++sequence, checkout.name(), workload.label());
        Path log = forks.resolve(stem + ".log").toAbsolutePath();
        Path jmhResult = forks.resolve(stem + ".json").toAbsolutePath();
        Path latencyResult = checkout.directory().resolve("target/benchmarks/latency.json");
        List<String> command = new ArrayList<>();
        if (cpu >= 0) {
            command.addAll(List.of("taskset", "-c", Integer.toString(cpu)));
        }
        command.addAll(List.of(javaExecutable(), "-cp", checkout.classpath(), BenchJvm.HEAP_MIN, BenchJvm.HEAP_MAX, BenchJvm.GC));
        if (cpu >= 0) {
            command.add("-XX:ActiveProcessorCount=1");
        }
        if (workload.isJmh()) {
            // JMH takes /tmp/jmh.lock so that two runs do not disturb each other unawares; a duet does it on
            // purpose, each side on its own core, and would otherwise lose one side of every pair to the lock.
            command.addAll(List.of("-Djmh.ignoreLock=true", "org.openjdk.jmh.Main"));
        } else {
            command.addAll(List.of("-Dlatency.budgets=report", LatencyLauncher.class.getName()));
        }
        command.addAll(workload.arguments(jmhResult.toString()));
        try {
            Files.createDirectories(forks);
            Files.deleteIfExists(latencyResult);
            ProcessBuilder builder = new ProcessBuilder(command).directory(checkout.directory().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            // As under Surefire: a developer's production secret never reaches a benchmark (a random key is used).
            builder.environment().put("JWT_SECRET", "");
            return new Fork(workload, command, log, workload.isJmh() ? jmhResult : latencyResult, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + stem + ": " + e.getMessage(), e);
        }
    }

    private static ForkOutcome outcome(Workload workload, List<BenchmarkResult> measured, int exit,
                                       Path log) throws IOException {
        Map<String, ForkOutcome.Sample> samples = new HashMap<>();
        for (BenchmarkResult result : measured) {
            double value = workload.isJmh() ? result.score() : result.field(MetricField.MEDIAN);
            samples.put(result.key().name(), new ForkOutcome.Sample(value, result.unit()));
        }
        List<String> errors = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith(LatencyLauncher.FAILED)) {
                errors.add(line.substring(LatencyLauncher.FAILED.length()) + " (log: " + log + ")");
            }
        }
        if (exit != 0 && errors.isEmpty()) {
            errors.add(workload.label() + " exited with " + exit + " (log: " + log + ")");
        }
        return new ForkOutcome(samples, errors);
    }

    private static int await(Process process, List<String> command, Path log) {
        try {
            if (!process.waitFor(FORK_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new UsageException(command.get(command.size() - 1) + " ran longer than "
                        + FORK_TIMEOUT_MINUTES + " minutes and was stopped (log: " + log + ")");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted while running " + log.getFileName());
        }
    }

    /** The java of the JVM running the gate, so base and head run on the very same JVM. */
    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
