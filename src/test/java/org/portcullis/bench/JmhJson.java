package org.portcullis.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** JMH-format result objects as JSON text, the shape of jmh.json and latency.json entries. */
final class JmhJson {
    private JmhJson() {
    }

    /** An average-time entry: score is the mean of {@code raw}; percentiles as JMH writes them. */
    static String avgt(String name, String unit, double... raw) {
        double[] sorted = raw.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(raw).average().orElseThrow();
        return String.format(Locale.ROOT, """
                {"benchmark": "%s", "mode": "avgt", "threads": 1, "forks": 1, "measurementIterations": %d,
                 "primaryMetric": {"score": %s, "scoreError": "NaN", "scoreUnit": "%s",
                   "scorePercentiles": {"0.0": %s, "50.0": %s, "100.0": %s},
                   "rawData": [[%s]]},
                 "secondaryMetrics": {}}""", name, raw.length, mean, unit, sorted[0], sorted[sorted.length / 2],
                sorted[sorted.length - 1], Arrays.stream(raw).mapToObj(Double::toString)
                        .collect(Collectors.joining(", ")));
    }

    /** A JSON array of entries. */
    static String array(String... entries) {
        return "[" + String.join(",\n", entries) + "]";
    }
}
