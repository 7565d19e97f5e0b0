package org.portcullis.bench.compare;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Corrects a baseline for a faster or slower machine using a "ruler" benchmark.
 *
 * <p>The ruler does fixed, code-independent work (e.g. SHA-256 over a constant buffer), so its
 * change between runs measures the machine, not the code. {@code slowdown} is the ruler's cost per
 * operation now divided by its cost in the baseline (converted through ns/op, so the ruler may be
 * a time or a throughput benchmark). Baseline time figures are multiplied by it and baseline
 * throughput figures divided by it before comparing.
 *
 * @param rulerName full name of the ruler benchmark
 * @param slowdown current ruler ns/op divided by baseline ruler ns/op (3.0 = machine 3× slower)
 */
public record Normalization(String rulerName, double slowdown) {

    /** The machine_info key whose value must match on both sides before the ruler may rescale anything. */
    static final String CPU_FLAGS = "cpu_flags";

    /** Name suffix of the preferred ruler benchmark. */
    public static final String DEFAULT_RULER_SUFFIX = "RulerBench.sha256";

    /**
     * Finds the ruler present in both files and computes the slowdown. {@code rulerName} (may be
     * null) selects benchmarks whose full name equals or ends with it; by default a name ending in
     * {@value #DEFAULT_RULER_SUFFIX} wins over any name containing "Ruler".
     */
    public static Normalization between(ResultFile baseline, ResultFile current, String rulerName) {
        String before = baseline.machine().values().get(CPU_FLAGS);
        String after = current.machine().values().get(CPU_FLAGS);
        if (before == null || !before.equals(after) || before.equals("unknown")) {
            throw new UsageException("--normalize refused: the ruler's CPU features differ or are unknown (baseline "
                    + CPU_FLAGS + " '" + before + "', current '" + after + "'); SHA-256 speed then moves apart from"
                    + " bcrypt and HTTP, and rescaling could cancel a real regression. Compare without --normalize,"
                    + " or against a baseline saved on this kind of CPU");
        }
        Optional<BenchmarkResult[]> pair = rulerName != null
                ? findPair(baseline, current, name -> name.equals(rulerName) || name.endsWith(rulerName))
                : findPair(baseline, current, name -> name.endsWith(DEFAULT_RULER_SUFFIX))
                        .or(() -> findPair(baseline, current, name -> name.contains("Ruler")));
        BenchmarkResult[] found = pair.orElseThrow(() -> new UsageException("--normalize: no ruler benchmark "
                + (rulerName != null ? "matching '" + rulerName + "'" : "(*" + DEFAULT_RULER_SUFFIX + " or *Ruler*)")
                + " present in both " + baseline.source() + " and " + current.source()));
        double slowdown = found[1].unit().nanosPerOperation(found[1].score())
                / found[0].unit().nanosPerOperation(found[0].score());
        if (!(slowdown > 0) || Double.isInfinite(slowdown)) {
            throw new UsageException("--normalize: ruler " + found[0].key().name() + " has unusable scores");
        }
        return new Normalization(found[0].key().name(), slowdown);
    }

    private static Optional<BenchmarkResult[]> findPair(ResultFile baseline, ResultFile current,
            Predicate<String> matches) {
        for (BenchmarkResult before : baseline.benchmarks()) {
            if (!matches.test(before.key().name())) {
                continue;
            }
            for (BenchmarkResult after : current.benchmarks()) {
                if (after.key().equals(before.key())) {
                    return Optional.of(new BenchmarkResult[] {before, after});
                }
            }
        }
        return Optional.empty();
    }

    /** The baseline result as it would have measured on the current machine. */
    public BenchmarkResult applyTo(BenchmarkResult baseline) {
        return baseline.scaled(baseline.unit().biggerIsBetter() ? 1 / slowdown : slowdown);
    }

    /** One line for the console and report, e.g. "normalized by ruler RulerBench.sha256: ratio 3.00". */
    public String describe() {
        String shortName = BenchmarkKey.of(rulerName, "", Map.of()).shortName();
        return String.format(Locale.ROOT,
                "normalized by ruler %s: ratio %.3f (current machine %.2f\u00d7 %s); baseline times \u00d7%.3f,"
                        + " baseline throughputs \u00f7%.3f",
                shortName, slowdown, slowdown >= 1 ? slowdown : 1 / slowdown,
                slowdown >= 1 ? "slower" : "faster", slowdown, slowdown);
    }
}
