package org.portcullis.bench.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * The judgement for one benchmark present in both runs.
 *
 * <p>{@code baseline} is already converted into the current run's unit (and normalised when asked),
 * so every figure in this record can be shown and compared side by side.
 *
 * @param name display name (Class.method, plus params or mode where needed to be unique)
 * @param baseline baseline result in the current result's unit
 * @param current current result
 * @param exceeded the fail expressions whose threshold was crossed
 * @param evidence the significance detail when something was exceeded, else empty
 * @param verdict the outcome
 */
public record Comparison(String name, BenchmarkResult baseline, BenchmarkResult current,
        List<FailExpression> exceeded, String evidence, Verdict verdict) {

    public Comparison {
        exceeded = List.copyOf(exceeded);
    }

    /** Applies every expression and, if any is exceeded, the significance test. */
    public static Comparison of(String name, BenchmarkResult baseline, BenchmarkResult current,
            List<FailExpression> expressions) {
        if (baseline.unit().kind() != current.unit().kind()) {
            throw new UsageException(name + " changed from " + baseline.unit().label() + " to "
                    + current.unit().label() + "; the runs cannot be compared");
        }
        BenchmarkResult comparable = baseline.convertedTo(current.unit());
        List<FailExpression> exceeded = new ArrayList<>();
        for (FailExpression expression : expressions) {
            if (expression.isExceeded(comparable, current)) {
                exceeded.add(expression);
            }
        }
        if (exceeded.isEmpty()) {
            return new Comparison(name, comparable, current, exceeded, "", Verdict.OK);
        }
        Significance.Evidence evidence = Significance.assess(comparable, current);
        Verdict verdict = evidence.significant() ? Verdict.REGRESSION : Verdict.WITHIN_NOISE;
        return new Comparison(name, comparable, current, exceeded, evidence.detail(), verdict);
    }

    /** Signed relative change of the mean score, current/baseline − 1 (not direction-adjusted). */
    public double change() {
        return current.score() / baseline.score() - 1;
    }

    /** Which expressions were exceeded and why the verdict was reached, e.g. "mean:200%; Welch p=1e-05". */
    public String detail() {
        if (exceeded.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        exceeded.forEach(expression -> parts.add(expression.text()));
        return String.join(", ", parts) + "; " + evidence;
    }
}
