package org.portcullis.latency;

import com.codahale.metrics.Snapshot;
import com.codahale.metrics.UniformSnapshot;
import org.apache.commons.math3.distribution.TDistribution;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One endpoint's measured requests, summarised the way the health check sees them (Metrics' snapshot
 * percentiles) and rendered as a JMH result object, so the benchmark pipeline compares latency tests and
 * JMH benches with one comparator.
 *
 * <p>The JMH form says what was done: mode "ss" (single shot: every request is one timed invocation),
 * one fork, {@code warmupIterations} and {@code measurementIterations} the requests sent before and
 * during the measurement, rawData the measured requests in ms in the order they were sent. Score is the
 * mean, the error the 99.9 % half-width (Student's t, as JMH computes it); with fewer than two requests
 * there is no error, and the field is left out rather than written as "NaN".
 */
record LatencyResult(String endpoint, int warmup, long[] nanos, Snapshot snapshot,
                     Optional<WorkWindow.PerRequest> work) {
    static final String BENCHMARK_PREFIX = "org.portcullis.latency.EndpointLatencyTest.";
    /** JMH's name and unit for allocation per operation (its GC profiler's), so one comparator reads both. */
    static final String ALLOCATION = "gc.alloc.rate.norm";
    static final String STATEMENTS = "sql.statements.norm";
    /** The serving thread's CPU time of the median request: data for campaigns, not judged by the gate. */
    static final String CPU_TIME = "cpu.time.norm";
    private static final double[] PERCENTILES = {0.0, 50.0, 90.0, 95.0, 99.0, 99.9, 100.0};

    /** The requests' durations (ns) in the order they were sent, summarised once. */
    static LatencyResult of(String endpoint, int warmup, long[] nanos) {
        return new LatencyResult(endpoint, warmup, nanos.clone(), new UniformSnapshot(nanos), Optional.empty());
    }

    /** The same result with the server's counted work over the measured requests. */
    LatencyResult withWork(WorkWindow.PerRequest perRequest) {
        return new LatencyResult(endpoint, warmup, nanos, snapshot, Optional.of(perRequest));
    }

    int count() {
        return nanos.length;
    }

    double meanMs() {
        return snapshot.getMean() / 1e6;
    }

    double percentileMs(double percent) {
        return snapshot.getValue(percent / 100) / 1e6;
    }

    double errorMs() {
        int n = nanos.length;
        if (n < 2) {
            return Double.NaN;
        }
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - 0.001 / 2);
        return t * snapshot.getStdDev() / 1e6 / Math.sqrt(n);
    }

    /** The JMH JSON result object. */
    Map<String, Object> toJmh() {
        Map<String, Object> percentiles = new LinkedHashMap<>();
        for (double p : PERCENTILES) {
            percentiles.put(String.format(Locale.ROOT, "%.1f", p), percentileMs(p));
        }
        double mean = meanMs();
        double error = errorMs();
        Map<String, Object> primary = new LinkedHashMap<>();
        primary.put("score", mean);
        if (Double.isFinite(error)) {
            primary.put("scoreError", error);
            primary.put("scoreConfidence", List.of(mean - error, mean + error));
        }
        primary.put("scorePercentiles", percentiles);
        primary.put("scoreUnit", "ms/op");
        primary.put("rawData", List.of(Arrays.stream(nanos).mapToObj(ns -> ns / 1e6).toList()));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", BENCHMARK_PREFIX + endpoint);
        result.put("mode", "ss");
        result.put("threads", 1);
        result.put("forks", 1);
        // the run's JVM flags, as JMH records its forks' (make benchmark and the A/B gate pin heap and GC)
        result.put("jvmArgs", ManagementFactory.getRuntimeMXBean().getInputArguments());
        result.put("warmupIterations", warmup);
        result.put("measurementIterations", nanos.length);
        result.put("primaryMetric", primary);
        Map<String, Object> secondary = new LinkedHashMap<>();
        work.ifPresent(perRequest -> {
            secondary.put(ALLOCATION, counted(perRequest.bytes(), "B/op"));
            secondary.put(STATEMENTS, counted(perRequest.statements(), "statements/op"));
            perRequest.cpuNanos().ifPresent(nanos -> secondary.put(CPU_TIME, counted(nanos, "ns/op")));
        });
        result.put("secondaryMetrics", secondary);
        return result;
    }

    /**
     * A secondary metric in JMH's shape. The median request's count is one exact figure of the fork, not a
     * sample with an error: one fork, one value, and no scoreError (left out, as for a single request).
     */
    private static Map<String, Object> counted(double perRequest, String unit) {
        Map<String, Object> metric = new LinkedHashMap<>();
        metric.put("score", perRequest);
        metric.put("scorePercentiles", Map.of());
        metric.put("scoreUnit", unit);
        metric.put("rawData", List.of(List.of(perRequest)));
        return metric;
    }

    /** The one line each test prints. */
    String summary(double budgetMeanMs, double budgetP99Ms) {
        return summary() + String.format(Locale.ROOT, "  budget mean %.0f ms, p99 %.0f ms", budgetMeanMs, budgetP99Ms);
    }

    /** The line of an endpoint without a budget. */
    String summary() {
        return String.format(Locale.ROOT, "%-13s count %3d  mean %8.2f ms  p50 %8.2f ms  p99 %8.2f ms",
                endpoint, count(), meanMs(), percentileMs(50), percentileMs(99))
                + work.map(w -> String.format(Locale.ROOT, "  %.2f SQL statements, %.1f KB allocated%s (median request)",
                        w.statements(), w.bytes() / 1024, w.cpuNanos().isPresent()
                                ? String.format(Locale.ROOT, ", %.0f µs CPU", w.cpuNanos().getAsDouble() / 1e3) : ""))
                .orElse("");
    }
}
