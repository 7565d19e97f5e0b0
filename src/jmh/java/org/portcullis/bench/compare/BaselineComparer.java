package org.portcullis.bench.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pairs the benchmarks of a baseline and a current run and judges each pair.
 *
 * <p>A benchmark only in the current run is listed: adding one must not break CI. A benchmark only in the
 * baseline fails the comparison, named: an endpoint whose latency test now errors leaves exactly such a
 * gap, and passing over it would be a silent pass. A removal on purpose is allowed by name
 * ({@code --allow-missing}).
 */
public final class BaselineComparer {

    private BaselineComparer() {
    }

    /**
     * Compares {@code current} against {@code baseline}; when {@code normalization} is present every
     * baseline figure is first rescaled to the current machine.
     */
    public static ComparisonReport compare(ResultFile baseline, ResultFile current, List<FailExpression> expressions,
            Optional<Normalization> normalization, Set<String> allowMissing) {
        Map<BenchmarkKey, BenchmarkResult> remaining = new LinkedHashMap<>();
        baseline.benchmarks().forEach(result -> remaining.put(result.key(), result));
        Map<BenchmarkKey, String> names = displayNames(baseline, current);

        List<Comparison> comparisons = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (BenchmarkResult after : current.benchmarks()) {
            BenchmarkResult before = remaining.remove(after.key());
            if (before == null) {
                added.add(names.get(after.key()));
                continue;
            }
            BenchmarkResult comparable = normalization.map(n -> n.applyTo(before)).orElse(before);
            comparisons.add(Comparison.of(names.get(after.key()), comparable, after, expressions));
        }
        List<String> missing = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (BenchmarkKey key : remaining.keySet()) {
            if (allowMissing.contains(names.get(key)) || allowMissing.contains(key.fullName())) {
                warnings.add("missing from the current run, allowed: " + names.get(key));
            } else {
                missing.add(names.get(key));
            }
        }
        String machineWarning = baseline.machine().mismatchWarning(current.machine());
        if (!machineWarning.isEmpty()) {
            warnings.add(machineWarning);
        }
        return new ComparisonReport(baseline.source(), current.source(), comparisons, added, missing, warnings,
                normalization, expressions);
    }

    /**
     * Short names (Class.method [params]), with the mode appended where two keys would otherwise
     * look the same, and the full name as a last resort.
     */
    static Map<BenchmarkKey, String> displayNames(ResultFile baseline, ResultFile current) {
        Map<BenchmarkKey, String> names = new LinkedHashMap<>();
        baseline.benchmarks().forEach(result -> names.put(result.key(), result.key().shortName()));
        current.benchmarks().forEach(result -> names.put(result.key(), result.key().shortName()));
        Map<String, Integer> shortCounts = counts(names);
        names.replaceAll((key, name) -> shortCounts.get(name) > 1 ? name + " (" + key.mode() + ")" : name);
        Map<String, Integer> modeCounts = counts(names);
        names.replaceAll((key, name) -> modeCounts.get(name) > 1 ? key.fullName() + " (" + key.mode() + ")" : name);
        return names;
    }

    private static Map<String, Integer> counts(Map<BenchmarkKey, String> names) {
        Map<String, Integer> counts = new HashMap<>();
        names.values().forEach(name -> counts.merge(name, 1, Integer::sum));
        return counts;
    }
}
