package org.portcullis.bench.compare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One regression criterion in pytest-benchmark's {@code field:threshold} syntax.
 *
 * <p>Two threshold forms exist:
 * <ul>
 *   <li>percentage, e.g. {@code mean:200%} or {@code median:37.5%}: for time/op units the
 *       expression is exceeded when {@code current/baseline − 1 > threshold}; for throughput
 *       units when {@code baseline/current − 1 > threshold}. Both read as "this many percent
 *       slower", so {@code 200%} means "more than 3× slower" whatever the unit;</li>
 *   <li>absolute, e.g. {@code mean:5ms}, {@code p99:250us}, {@code mean:100ops/s}: exceeded when
 *       the figure got worse by more than the amount ({@code current − baseline} for time,
 *       {@code baseline − current} for throughput), after converting the amount into the
 *       benchmark's unit. A time amount on a throughput benchmark (or vice versa) is a usage
 *       error because there is no meaningful conversion.</li>
 * </ul>
 * Exceeding a threshold is necessary but not sufficient for a failure; see {@link Significance}.
 */
public record FailExpression(MetricField field, Threshold threshold) {

    /** The criterion used when none is given on the command line. */
    public static final String DEFAULT = "mean:200%";

    private static final Pattern SYNTAX =
            Pattern.compile("([A-Za-z0-9]+):(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(%|[A-Za-z\u00b5\u03bc/]+)");

    /** How far a figure may get worse before the expression is exceeded. */
    public sealed interface Threshold permits Percent, Absolute {
    }

    /** A relative threshold; {@code percent} is e.g. 200 for "200%". */
    public record Percent(double percent) implements Threshold {
        public double fraction() {
            return percent / 100.0;
        }
    }

    /** An absolute threshold of {@code amount} in {@code unit} (ms/op for "5ms", ops/s for "100ops/s"). */
    public record Absolute(double amount, BenchmarkUnit unit) implements Threshold {
    }

    /** Parses one expression such as {@code mean:200%} or {@code p99:1s}. */
    public static FailExpression parse(String text) {
        String compact = text.trim().replace(" ", "");
        Matcher matcher = SYNTAX.matcher(compact);
        if (!matcher.matches()) {
            throw new UsageException("bad fail expression '" + text
                    + "' (expected field:threshold, e.g. mean:200%, median:37.5%, p99:5ms)");
        }
        MetricField field;
        BenchmarkUnit unit = null;
        try {
            field = MetricField.parse(matcher.group(1));
            if (!"%".equals(matcher.group(3))) {
                unit = BenchmarkUnit.parseThresholdUnit(matcher.group(3));
            }
        } catch (UsageException e) {
            throw new UsageException("bad fail expression '" + text + "': " + e.getMessage(), e);
        }
        double amount = Double.parseDouble(matcher.group(2));
        return new FailExpression(field, unit == null ? new Percent(amount) : new Absolute(amount, unit));
    }

    /**
     * Parses every expression; each argument may hold several separated by commas. No expressions
     * at all means {@link #DEFAULT}.
     */
    public static List<FailExpression> parseAll(List<String> arguments) {
        List<FailExpression> expressions = new ArrayList<>();
        for (String argument : arguments) {
            for (String part : argument.split(",", -1)) {
                if (part.isBlank()) {
                    throw new UsageException("empty fail expression in '" + argument + "'");
                }
                expressions.add(parse(part));
            }
        }
        if (expressions.isEmpty()) {
            expressions.add(parse(DEFAULT));
        }
        return List.copyOf(expressions);
    }

    /**
     * Whether {@code current} is worse than {@code baseline} by more than the threshold. Both
     * results must already be in the same unit.
     */
    public boolean isExceeded(BenchmarkResult baseline, BenchmarkResult current) {
        BenchmarkUnit unit = current.unit();
        if (baseline.unit() != unit) {
            throw new IllegalArgumentException("baseline and current must share a unit");
        }
        double before = baseline.field(field);
        double after = current.field(field);
        boolean biggerIsBetter = unit.biggerIsBetter();
        if (threshold instanceof Percent percent) {
            double worsening = biggerIsBetter ? before / after - 1 : after / before - 1;
            return worsening > percent.fraction();
        }
        Absolute absolute = (Absolute) threshold;
        if (absolute.unit().kind() != unit.kind()) {
            throw new UsageException("fail expression '" + text() + "' cannot apply to "
                    + current.key().shortName() + ", which is measured in " + unit.label());
        }
        double limit = absolute.unit().convert(absolute.amount(), unit);
        double worsening = biggerIsBetter ? before - after : after - before;
        return worsening > limit;
    }

    /** The human-readable rule, e.g. {@code mean: current/baseline − 1 > 200%}. */
    public String formula() {
        if (threshold instanceof Percent percent) {
            String limit = plain(percent.percent()) + "%";
            return field.label() + ": current/baseline \u2212 1 > " + limit + " for time/op, baseline/current \u2212 1 > "
                    + limit + " for ops/time";
        }
        Absolute absolute = (Absolute) threshold;
        String amount = plain(absolute.amount()) + " " + amountUnit(absolute.unit());
        return absolute.unit().biggerIsBetter()
                ? field.label() + ": baseline \u2212 current > " + amount
                : field.label() + ": current \u2212 baseline > " + amount;
    }

    /** The canonical command-line spelling, e.g. {@code mean:37.5%} or {@code p99:5ms}. */
    public String text() {
        if (threshold instanceof Percent percent) {
            return field.label() + ":" + plain(percent.percent()) + "%";
        }
        Absolute absolute = (Absolute) threshold;
        return field.label() + ":" + plain(absolute.amount()) + amountUnit(absolute.unit());
    }

    private static String amountUnit(BenchmarkUnit unit) {
        return unit.biggerIsBetter() ? unit.label() : unit.label().replace("/op", "");
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return text();
    }
}
