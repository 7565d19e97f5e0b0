package org.portcullis.bench.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything one comparison run found: per-benchmark verdicts, benchmarks that appeared or
 * disappeared, warnings, and the rules that were applied.
 *
 * <p>It is the single input of every output format (console, Markdown) and of the exit code,
 * so they can never disagree.
 *
 * @param baselineSource where the baseline came from (file path)
 * @param currentSource where the current run came from (file path)
 * @param comparisons one entry per benchmark present in both runs, in current-run order
 * @param added display names of benchmarks only in the current run
 * @param missing display names of benchmarks only in the baseline and not allowed to be missing (each fails)
 * @param warnings lines to highlight, e.g. a machine_info mismatch
 * @param normalization the ruler correction, when {@code --normalize} was given
 * @param expressions the fail expressions applied
 */
public record ComparisonReport(String baselineSource, String currentSource, List<Comparison> comparisons,
        List<String> added, List<String> missing, List<String> warnings, Optional<Normalization> normalization,
        List<FailExpression> expressions) {

    public ComparisonReport {
        comparisons = List.copyOf(comparisons);
        added = List.copyOf(added);
        missing = List.copyOf(missing);
        warnings = List.copyOf(warnings);
        expressions = List.copyOf(expressions);
    }

    /** A significant regression, or a benchmark that did not come back. */
    public boolean hasRegression() {
        return !missing.isEmpty() || comparisons.stream().anyMatch(comparison -> comparison.verdict().fails());
    }

    public long count(Verdict verdict) {
        return comparisons.stream().filter(comparison -> comparison.verdict() == verdict).count();
    }

    /** One "fail if ..." line per expression, including the significance rule. */
    public List<String> formulaLines() {
        List<String> lines = new ArrayList<>();
        for (FailExpression expression : expressions) {
            lines.add("fail if " + expression.formula() + " (and " + Significance.RULE + ")");
        }
        return lines;
    }

    /** E.g. "REGRESSION: 1 of 5 benchmarks regressed" or "OK: no regression in 5 benchmarks". */
    public String summary() {
        long noisy = count(Verdict.WITHIN_NOISE);
        String noise = noisy > 0 ? ", " + noisy + " within noise" : "";
        String benchmarks = comparisons.size() == 1 ? " benchmark" : " benchmarks";
        String gone = missing.isEmpty() ? "" : "; missing from the current run: " + String.join(", ", missing);
        if (hasRegression()) {
            return "REGRESSION: " + count(Verdict.REGRESSION) + " of " + comparisons.size() + benchmarks
                    + " regressed" + noise + gone;
        }
        return "OK: no regression in " + comparisons.size() + benchmarks + noise;
    }
}
