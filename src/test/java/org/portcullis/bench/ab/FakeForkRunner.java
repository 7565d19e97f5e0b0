package org.portcullis.bench.ab;

import org.portcullis.bench.compare.BenchmarkUnit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs nothing: each fork's sample is a benchmark's figure for that side times the next factor of a fixed
 * noise sequence, so the gate's statistics meet noise without a JVM. Records every call to be asserted on.
 */
final class FakeForkRunner implements ForkRunner {
    static final String HASH = "org.portcullis.bench.PasswordBench.hash";
    static final String VERIFY = "org.portcullis.bench.PasswordBench.verify";
    static final String SIGN = "org.portcullis.bench.TokenBench.createAccessToken";
    static final String USERS_ME = "org.portcullis.latency.EndpointLatencyTest.usersMe";
    static final String LOGIN = "org.portcullis.latency.EndpointLatencyTest.login";

    /** The cpu of a {@link Call} of an alternating round: every side's service at once, on every core. */
    static final int ALTERNATING = -2;

    /** The call: which side ran which workload, on which core (-1: every core; {@link #ALTERNATING}). */
    record Call(String side, Workload workload, int cpu) {
    }

    /** Each fork "takes" this long on the fake clock, {@link #now()}. */
    long forkNanos = 10_000_000_000L;
    private long clock;

    private final Map<String, Map<String, Double>> figures = new HashMap<>();
    private final Map<String, String> failures = new HashMap<>();
    private final Map<String, Map<String, CountedWork>> work = new HashMap<>();
    private final double[] noise;
    private final Map<String, Integer> drawn = new HashMap<>();
    final List<Call> calls = new ArrayList<>();
    /** What each alternating round was told is judged alone. */
    final List<Optional<String>> alternatingJudged = new ArrayList<>();

    /** @param noise factors drawn in turn per side and benchmark, e.g. {1.02, 0.97, 1.0} */
    FakeForkRunner(double... noise) {
        this.noise = noise.clone();
    }

    /** {@code benchmark} measures {@code base} on the base and {@code head} on the head (ms/op). */
    FakeForkRunner figure(String benchmark, double base, double head) {
        figures.computeIfAbsent("base", key -> new LinkedHashMap<>()).put(benchmark, base);
        figures.computeIfAbsent("head", key -> new LinkedHashMap<>()).put(benchmark, head);
        return this;
    }

    /** A bisection's BAD checkout (named "bad") measures {@code bad} on {@code benchmark}. */
    FakeForkRunner bad(String benchmark, double bad) {
        figures.computeIfAbsent("bad", key -> new LinkedHashMap<>()).put(benchmark, bad);
        return this;
    }

    /** {@code benchmark} counts these statements and bytes per request in every fork of each side. */
    FakeForkRunner work(String benchmark, double baseStatements, double headStatements, double baseBytes,
                        double headBytes) {
        work.computeIfAbsent("base", key -> new HashMap<>()).put(benchmark,
                new CountedWork(java.util.OptionalDouble.of(baseStatements), java.util.OptionalDouble.of(baseBytes)));
        work.computeIfAbsent("head", key -> new HashMap<>()).put(benchmark,
                new CountedWork(java.util.OptionalDouble.of(headStatements), java.util.OptionalDouble.of(headBytes)));
        return this;
    }

    /** {@code benchmark} exists on the base only, as if the head had deleted it. */
    FakeForkRunner baseOnly(String benchmark, double base) {
        figures.computeIfAbsent("base", key -> new LinkedHashMap<>()).put(benchmark, base);
        return this;
    }

    /** On the head, {@code benchmark} fails every fork with {@code reason}. */
    FakeForkRunner failingOnHead(String benchmark, String reason) {
        failures.put(benchmark, reason);
        return this;
    }

    /** The fake clock the gate plans its budget with. */
    long now() {
        return clock;
    }

    @Override
    public List<ForkOutcome> runTogether(Checkout first, int firstCpu, Checkout second, int secondCpu, Workload workload) {
        calls.add(new Call(first.name(), workload, firstCpu));
        calls.add(new Call(second.name(), workload, secondCpu));
        clock += forkNanos;
        return List.of(measure(first, workload), measure(second, workload));
    }

    @Override
    public List<ForkOutcome> runAlternating(List<Checkout> sides, Workload workload, Optional<String> judged) {
        sides.forEach(side -> calls.add(new Call(side.name(), workload, ALTERNATING)));
        alternatingJudged.add(judged);
        // every side's warm-up and requests, one after another through one client: as long as a fork each
        clock += forkNanos * sides.size();
        return sides.stream().map(side -> measure(side, workload)).toList();
    }

    @Override
    public ForkOutcome run(Checkout checkout, Workload workload) {
        calls.add(new Call(checkout.name(), workload, -1));
        clock += forkNanos;
        return measure(checkout, workload);
    }

    private ForkOutcome measure(Checkout checkout, Workload workload) {
        Map<String, ForkOutcome.Sample> samples = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        figures.getOrDefault(checkout.name(), Map.of()).forEach((benchmark, value) -> {
            if (Workload.of(benchmark) != workload) {
                return;
            }
            if (checkout.name().equals("head") && failures.containsKey(benchmark)) {
                errors.add(benchmark + ": " + failures.get(benchmark));
                return;
            }
            // the head draws one step further along the sequence (and BAD two), so the sides of a round get different noise
            int index = drawn.merge(checkout.name() + benchmark, 1, Integer::sum) - 1
                    + List.of("base", "head", "bad").indexOf(checkout.name());
            double factor = noise.length == 0 ? 1 : noise[index % noise.length];
            samples.put(benchmark, new ForkOutcome.Sample(value * factor, BenchmarkUnit.MS_PER_OP));
        });
        Map<String, CountedWork> counted = new HashMap<>(work.getOrDefault(checkout.name(), Map.of()));
        counted.keySet().removeIf(benchmark -> !samples.containsKey(benchmark));
        return new ForkOutcome(samples, errors, counted);
    }
}
