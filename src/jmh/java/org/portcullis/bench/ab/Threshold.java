package org.portcullis.bench.ab;

import org.portcullis.bench.compare.FailExpression;
import org.portcullis.bench.compare.UsageException;

/**
 * How much slower a benchmark may get before the gate fails it, and the noise band its interval must leave.
 *
 * <p>Fail when the head/base ratio is above {@code ratio} and the whole interval is above
 * {@link #noiseBand()}, the middle between no change and the threshold: a ratio just over the threshold on
 * evidence that cannot tell it from a small change is reported "within noise", not failed.
 *
 * <p>The defaults per family come from A/A runs on the 2-core development machine (BENCHMARKS.md): bcrypt is
 * steady fork to fork (~1 %), the HTTP endpoints move a few percent, the JWT micro-benchmarks the most
 * (their JIT outcome differs between forks).
 *
 * @param family what the benchmark is, e.g. "bcrypt"
 * @param ratio  the head/base ratio above which it fails, e.g. 1.15
 */
public record Threshold(String family, double ratio) {

    public Threshold {
        if (!(ratio > 1)) {
            throw new UsageException("a threshold must allow some slowdown, got ratio " + ratio);
        }
    }

    /** The default of a benchmark's family, by its full name. */
    public static Threshold defaultFor(String benchmark) {
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        if (benchmark.contains(".PasswordBench.") || method.equals("login") || method.equals("register")) {
            return new Threshold("bcrypt", 1.15);
        }
        if (benchmark.contains(".TokenBench.")) {
            return new Threshold("token", 1.60);
        }
        return new Threshold("endpoint", 1.25);
    }

    /** {@code FAIL=}: one percentage for every benchmark, e.g. {@code mean:30%} or {@code 30%} (ratio 1.3). */
    public static Threshold override(String text) {
        String expression = text.contains(":") ? text : "mean:" + text;
        FailExpression parsed = FailExpression.parse(expression);
        if (!(parsed.threshold() instanceof FailExpression.Percent percent)) {
            throw new UsageException("the A/B gate takes a percentage (e.g. FAIL=30%), not '" + text + "'");
        }
        return new Threshold("FAIL=" + parsed.text(), 1 + percent.fraction());
    }

    public double noiseBand() {
        return 1 + (ratio - 1) / 2;
    }
}
