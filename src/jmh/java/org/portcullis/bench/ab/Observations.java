package org.portcullis.bench.ab;

import org.portcullis.bench.compare.BenchmarkUnit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a set of rounds measured: per benchmark the pairs of its rounds (base and head of one round, in
 * the base's unit), which side ever produced it, and the errors. A benchmark that one side did not produce
 * in a round gives no pair for that round; whether it is missing is decided from {@link #producedBy}. Beside
 * the pairs, the work each fork counted (statements, bytes), per side: counts are compared over all forks,
 * not paired.
 */
public final class Observations {
    private final Map<String, List<PairedRatio.Pair>> pairs = new LinkedHashMap<>();
    private final Map<String, BenchmarkUnit> units = new LinkedHashMap<>();
    private final Set<String> base = new LinkedHashSet<>();
    private final Set<String> head = new LinkedHashSet<>();
    private final List<String> errors = new ArrayList<>();
    private final Map<String, Map<String, List<CountedWork>>> work = Map.of("base", new LinkedHashMap<>(),
            "head", new LinkedHashMap<>());

    /** Adds one round of one workload. */
    public void add(ForkOutcome baseFork, ForkOutcome headFork) {
        baseFork.errors().forEach(error -> errors.add("base: " + error));
        headFork.errors().forEach(error -> errors.add("head: " + error));
        base.addAll(baseFork.samples().keySet());
        head.addAll(headFork.samples().keySet());
        baseFork.work().forEach((name, counted) -> work.get("base").computeIfAbsent(name, key -> new ArrayList<>()).add(counted));
        headFork.work().forEach((name, counted) -> work.get("head").computeIfAbsent(name, key -> new ArrayList<>()).add(counted));
        baseFork.samples().keySet().stream().sorted().forEach(name -> {
            ForkOutcome.Sample before = baseFork.samples().get(name);
            ForkOutcome.Sample after = headFork.samples().get(name);
            if (after != null) {
                units.putIfAbsent(name, before.unit());
                double headValue = after.unit().convert(after.value(), before.unit());
                pairs.computeIfAbsent(name, key -> new ArrayList<>()).add(new PairedRatio.Pair(before.value(), headValue));
            }
        });
    }

    /** Adds everything {@code more} measured, as if its rounds had been run as part of these. */
    public void addAll(Observations more) {
        more.pairs.forEach((name, list) -> pairs.computeIfAbsent(name, key -> new ArrayList<>()).addAll(list));
        more.units.forEach(units::putIfAbsent);
        base.addAll(more.base);
        head.addAll(more.head);
        errors.addAll(more.errors);
        more.work.forEach((side, forks) -> forks.forEach((name, list) ->
                work.get(side).computeIfAbsent(name, key -> new ArrayList<>()).addAll(list)));
    }

    /** Per benchmark, the work each fork of {@code side} ("base" or "head") counted, in the order run. */
    public Map<String, List<CountedWork>> work(String side) {
        return work.get(side);
    }

    /** Benchmarks with at least one pair, in the order they were first paired. */
    public Set<String> paired() {
        return pairs.keySet();
    }

    public List<PairedRatio.Pair> pairs(String benchmark) {
        return pairs.getOrDefault(benchmark, List.of());
    }

    public BenchmarkUnit unit(String benchmark) {
        return units.get(benchmark);
    }

    /** The benchmarks {@code side} ("base" or "head") produced in any round. */
    public Set<String> producedBy(String side) {
        return side.equals("base") ? base : head;
    }

    public List<String> errors() {
        return errors;
    }
}
