package org.portcullis.bench.ab;

import org.portcullis.bench.compare.UsageException;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What one gate run measures and judges: every workload and benchmark, or ({@code --only Class.method}) the
 * one workload that holds a named benchmark, judged on that benchmark alone. Bisection asks one question of
 * every step ("is usersMe slower than at GOOD?"): the other workloads would cost minutes a step and could
 * only add verdicts nobody asked for.
 *
 * <p>The named benchmark's workload still runs whole, as in a full run: a latency test run alone meets a JVM
 * no other test has warmed, and measured a 1.6× slower users/me at 1.10× (see {@link AbGate}).
 *
 * @param workloads the workloads the rounds run
 * @param only      the one benchmark judged (Class.method), or empty for all
 */
public record GateScope(Set<Workload> workloads, Optional<String> only) {

    public GateScope {
        workloads = Set.copyOf(workloads);
    }

    public static GateScope all() {
        return new GateScope(EnumSet.allOf(Workload.class), Optional.empty());
    }

    /**
     * @param benchmark Class.method, e.g. {@code EndpointLatencyTest.usersMe}, or the full name
     * @throws UsageException when no workload runs a class of that name
     */
    public static GateScope only(String benchmark) {
        int dot = benchmark.lastIndexOf('.');
        if (dot <= 0 || dot == benchmark.length() - 1) {
            throw new UsageException("--only takes Class.method, e.g. EndpointLatencyTest.usersMe, not '" + benchmark + "'");
        }
        String shortName = shortName(benchmark);
        for (Workload workload : Workload.values()) {
            String candidate = workload.benchmark(benchmark.substring(dot + 1));
            if (candidate.equals(benchmark) || candidate.endsWith("." + shortName)) {
                return new GateScope(EnumSet.of(Workload.of(candidate)), Optional.of(shortName));
            }
        }
        throw new UsageException("--only " + benchmark + ": no A/B workload runs that class");
    }

    /** Whether {@code benchmark} (a full name) is judged in this run. */
    public boolean includes(String benchmark) {
        return only.map(name -> shortName(benchmark).equals(name)).orElse(true);
    }

    private static String shortName(String benchmark) {
        return benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
    }
}
