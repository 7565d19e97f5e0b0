package org.portcullis.load;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What every Portcullis simulation does around its measured phase. {@code before()}: the subclass's setup
 * (accounts, at bcrypt cost), then unmeasured warm-up requests, then the first heap figure; Gatling's clock
 * starts after it. {@code after()}: where the CPU went meanwhile ({@link CpuSplit}), the second heap figure.
 *
 * <p>Gatling divides a request's count by the length of the whole run to get its requests per second, so
 * each simulation measures one phase only: two endpoints measured one after the other in one simulation
 * would each get half their real throughput. That is why /health, the reference for users/me, is a
 * simulation of its own that loadtest.mk runs right after users/me on the same service.
 */
abstract class PortcullisSimulation extends Simulation {
    /**
     * Unmeasured requests run on at most this many threads. Four left the service's JIT compiling through
     * the measured phase (JFR showed its C2 thread busy there); sixteen keep both cores busy, so the hot paths
     * are compiled before Gatling's clock starts.
     */
    private static final int WARM_UP_THREADS = 16;
    /** A run that overshoots its phase by this much is stopped: the tests are bounded in time. */
    private static final Duration GRACE = Duration.ofSeconds(30);

    final LoadSettings settings = LoadSettings.fromSystemProperties();
    final SetupClient client = new SetupClient(settings.baseUrl());
    private final HeapProbe heap = HeapProbe.fromSystemProperties(settings);
    private final CpuSplit cpu = CpuSplit.fromSystemProperties(settings);

    /** Accounts and tokens the scenarios need, created before the measured phase. */
    abstract void prepare();

    /** The paths of the warm-up requests, and the tokens to send them with (null: none). */
    abstract List<String> warmUpPaths();

    abstract List<String> warmUpTokens();

    @Override
    public void before() {
        prepare();
        warmUp(warmUpPaths(), warmUpTokens(), settings.warmUp());
        heap.start();
        cpu.start();
    }

    @Override
    public void after() {
        cpu.end();
        heap.end();
    }

    /**
     * Runs {@code populations} for the phase, bounded in time, with {@code goals} as Gatling assertions: Gatling
     * prints each with its actual value and fails the run on a miss (loadtest.mk's ASSERT=0 reports the miss
     * without failing).
     */
    void run(List<Assertion> goals, PopulationBuilder... populations) {
        setUp(populations)
                .protocols(protocol())
                .maxDuration(settings.duration().plus(GRACE))
                .assertions(goals);
    }

    /** The HTTP protocol of the run: one keep-alive connection per virtual user unless a simulation says otherwise. */
    HttpProtocolBuilder protocol() {
        return PortcullisRequests.protocol(settings);
    }

    /**
     * Accounts to log in again and again during the warm-up, one thread each, for scenarios that measure
     * logins: the JIT then compiles the login path before the measured phase, not during it. None by default.
     */
    List<Account> warmUpLogins() {
        return List.of();
    }

    private void warmUp(List<String> paths, List<String> tokens, Duration duration) {
        if (duration.isZero() || tokens.isEmpty()) {
            return;
        }
        long until = System.nanoTime() + duration.toNanos();
        int threads = Math.min(WARM_UP_THREADS, tokens.size());
        List<Account> logins = warmUpLogins();
        ExecutorService pool = Executors.newFixedThreadPool(threads + logins.size());
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String token = tokens.get(i);
                sent.add(pool.submit(() -> client.warmUp(paths, token, until)));
            }
            List<Future<Integer>> loggedIn = new ArrayList<>();
            for (Account account : logins) {
                loggedIn.add(pool.submit(() -> client.warmUpLogins(account, until)));
            }
            System.out.printf("warm-up: %d unmeasured requests to %s and %d logins in %d s%n", total(sent), paths,
                    total(loggedIn), duration.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("warm-up interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("warm-up failed: " + e.getCause().getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static int total(List<Future<Integer>> counts) throws InterruptedException, ExecutionException {
        int total = 0;
        for (Future<Integer> count : counts) {
            total += count.get();
        }
        return total;
    }
}
