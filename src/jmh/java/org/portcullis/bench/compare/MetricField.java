package org.portcullis.bench.compare;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The statistic of a benchmark that a {@link FailExpression} looks at.
 *
 * <p>The names match pytest-benchmark's {@code --benchmark-compare-fail} fields so that the same
 * vocabulary works in both worlds.
 */
public enum MetricField {
    MIN, MAX, MEAN, MEDIAN, P99;

    /** Parses a field name case-insensitively. */
    public static MetricField parse(String text) {
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        for (MetricField field : values()) {
            if (field.name().equals(wanted)) {
                return field;
            }
        }
        throw new UsageException("unknown field '" + text + "' (expected one of "
                + Arrays.stream(values()).map(MetricField::label).collect(Collectors.joining(", ")) + ")");
    }

    /** The lower-case name used on the command line and in reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
