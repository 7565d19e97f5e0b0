package org.portcullis.guard;

import java.util.Locale;

/** Human-readable times for health-check messages: "850 µs", "12.3 ms", "1.20 s". */
final class Durations {
    private Durations() {
    }

    static String format(double nanos) {
        if (nanos < 1_000) {
            return String.format(Locale.ROOT, "%.0f ns", nanos);
        }
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.0f µs", nanos / 1_000);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1_000_000);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1_000_000_000);
    }
}
