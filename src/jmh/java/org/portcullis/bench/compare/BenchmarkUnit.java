package org.portcullis.bench.compare;

import java.util.Locale;

/**
 * The unit of a benchmark score, which also decides the direction of "better".
 *
 * <p>Time-per-operation units ({@code ns/op} ... {@code s/op}) get worse when they grow;
 * throughput units ({@code ops/ns} ... {@code ops/s}) get worse when they shrink. Every unit
 * carries a scale towards a canonical unit of its kind: nanoseconds per operation for time,
 * operations per second for throughput, so scores can be converted within one kind.
 */
public enum BenchmarkUnit {
    NS_PER_OP("ns/op", Kind.TIME, 1.0),
    US_PER_OP("us/op", Kind.TIME, 1e3),
    MS_PER_OP("ms/op", Kind.TIME, 1e6),
    S_PER_OP("s/op", Kind.TIME, 1e9),
    MIN_PER_OP("min/op", Kind.TIME, 60e9),
    HR_PER_OP("hr/op", Kind.TIME, 3600e9),
    OPS_PER_NS("ops/ns", Kind.THROUGHPUT, 1e9),
    OPS_PER_US("ops/us", Kind.THROUGHPUT, 1e6),
    OPS_PER_MS("ops/ms", Kind.THROUGHPUT, 1e3),
    OPS_PER_S("ops/s", Kind.THROUGHPUT, 1.0),
    OPS_PER_MIN("ops/min", Kind.THROUGHPUT, 1.0 / 60),
    OPS_PER_HR("ops/hr", Kind.THROUGHPUT, 1.0 / 3600);

    /** Whether a unit measures time per operation or operations per time. */
    public enum Kind {
        /** Time per operation; a regression is an increase. */
        TIME,
        /** Operations per time; a regression is a decrease. */
        THROUGHPUT
    }

    private final String label;
    private final Kind kind;
    /** Nanoseconds per unit (TIME) or operations per second per unit (THROUGHPUT). */
    private final double canonicalScale;

    BenchmarkUnit(String label, Kind kind, double canonicalScale) {
        this.label = label;
        this.kind = kind;
        this.canonicalScale = canonicalScale;
    }

    /** Parses a JMH score unit such as {@code "ms/op"} or {@code "ops/s"}; accepts µ for u. */
    public static BenchmarkUnit parse(String text) {
        String normalized = normalizeMicro(text.trim()).toLowerCase(Locale.ROOT);
        for (BenchmarkUnit unit : values()) {
            if (unit.label.equals(normalized)) {
                return unit;
            }
        }
        throw new UsageException("unknown score unit '" + text + "'");
    }

    /**
     * Parses the unit part of an absolute threshold: a bare time unit ({@code ns, us, µs, ms, s,
     * min, hr}, meaning "per operation") or a throughput unit ({@code ops/s} ...).
     */
    public static BenchmarkUnit parseThresholdUnit(String text) {
        String normalized = normalizeMicro(text.trim()).toLowerCase(Locale.ROOT);
        String candidate = normalized.startsWith("ops/") ? normalized : normalized + "/op";
        for (BenchmarkUnit unit : values()) {
            if (unit.label.equals(candidate)) {
                return unit;
            }
        }
        throw new UsageException("unknown threshold unit '" + text + "'");
    }

    private static String normalizeMicro(String text) {
        return text.replace('\u00b5', 'u').replace('\u03bc', 'u');
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    /** True for throughput units, where a bigger score is better. */
    public boolean biggerIsBetter() {
        return kind == Kind.THROUGHPUT;
    }

    /** Converts a value expressed in this unit into {@code target}, which must be of the same kind. */
    public double convert(double value, BenchmarkUnit target) {
        if (target.kind != kind) {
            throw new UsageException("cannot convert " + label + " to " + target.label);
        }
        return value * canonicalScale / target.canonicalScale;
    }

    /** The value in the canonical unit of this kind: ns/op for time, ops/s for throughput. */
    public double toCanonical(double value) {
        return value * canonicalScale;
    }

    /** Cost of one operation in nanoseconds, whatever the kind; used to compare rulers. */
    public double nanosPerOperation(double value) {
        return kind == Kind.TIME ? value * canonicalScale : 1e9 / (value * canonicalScale);
    }
}
