package org.portcullis.bench.compare;

import java.util.Locale;

/**
 * Human-readable rendering of benchmark figures ("251.3 ms", "18.2 µs", "12.4 k ops/s").
 *
 * <p>Scores are rescaled to the unit that keeps the number between 1 and 1000, because raw JMH
 * output such as "0.0000182 s/op" is hard to read in a CI log or job summary.
 */
public final class Quantities {

    private static final String[] TIME_SUFFIXES = {"ns", "\u00b5s", "ms", "s"};
    private static final String[] RATE_PREFIXES = {"", "k ", "M ", "G "};

    private Quantities() {
    }

    /** Formats {@code value}, expressed in {@code unit}, with an adapted unit. */
    public static String format(double value, BenchmarkUnit unit) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        double canonical = unit.toCanonical(value);
        return unit.kind() == BenchmarkUnit.Kind.TIME ? formatNanos(canonical) : formatOpsPerSecond(canonical);
    }

    /** Formats a duration given in nanoseconds. */
    public static String formatNanos(double nanos) {
        double scaled = nanos;
        int index = 0;
        while (Math.abs(scaled) >= 1000 && index < TIME_SUFFIXES.length - 1) {
            scaled /= 1000;
            index++;
        }
        return number(scaled) + " " + TIME_SUFFIXES[index];
    }

    /** Formats a rate given in operations per second. */
    public static String formatOpsPerSecond(double opsPerSecond) {
        double scaled = opsPerSecond;
        int index = 0;
        while (Math.abs(scaled) >= 1000 && index < RATE_PREFIXES.length - 1) {
            scaled /= 1000;
            index++;
        }
        return number(scaled) + " " + RATE_PREFIXES[index] + "ops/s";
    }

    /** A signed percentage such as "+210.0%" or "-66.7%". */
    public static String percent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    /** A plain number with precision that shrinks as the magnitude grows (3 to 4 significant digits). */
    public static String number(double value) {
        double magnitude = Math.abs(value);
        String pattern;
        if (magnitude >= 10 || magnitude == 0) {
            pattern = "%.1f";
        } else if (magnitude >= 1) {
            pattern = "%.2f";
        } else {
            pattern = "%.3g";
        }
        return String.format(Locale.ROOT, pattern, value);
    }
}
