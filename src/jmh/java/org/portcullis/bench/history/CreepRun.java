package org.portcullis.bench.history;

import org.portcullis.bench.ab.GateJson;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the creep history: the head measured against the anchor by one A/B gate run.
 *
 * @param date         when the gate finished
 * @param anchor       the anchor as given (a release tag, e.g. v1.4.0)
 * @param anchorCommit its commit; runs against another anchor commit are another series
 * @param headCommit   the commit measured (main's head that night)
 * @param seconds      how long the gate measured
 * @param benchmarks   per benchmark (Class.method) its ratio, interval, pairs and verdict
 */
public record CreepRun(Instant date, String anchor, String anchorCommit, String headCommit, long seconds,
                       Map<String, Point> benchmarks) {

    /** One benchmark's head/anchor ratio with its interval (high may be ∞ with one pair) and the verdict. */
    public record Point(double ratio, double low, double high, int pairs, String verdict) {
    }

    public CreepRun {
        benchmarks = Map.copyOf(benchmarks);
    }

    /** The record of a gate run whose base was {@code anchor}. */
    public static CreepRun of(GateJson.Run run, String anchor) {
        Map<String, Point> points = new LinkedHashMap<>();
        for (GateJson.Benchmark benchmark : run.benchmarks()) {
            points.put(benchmark.name(), new Point(benchmark.ratio(), benchmark.low(), benchmark.high(),
                    benchmark.pairs(), benchmark.verdict()));
        }
        return new CreepRun(run.date(), anchor, run.baseCommit(), run.headCommit(), run.seconds(), points);
    }

    public String shortHead() {
        return headCommit == null ? "?" : headCommit.substring(0, Math.min(7, headCommit.length()));
    }
}
