package org.portcullis.bench.ab;

import org.portcullis.bench.compare.BenchmarkKey;

import java.util.Map;

/** How the counted-work lines name a benchmark: a latency test by its endpoint (usersMe), a bench as Class.method. */
final class WorkNames {
    private static final String LATENCY = LatencyLauncher.TEST_CLASS + ".";

    private WorkNames() {
    }

    static String of(String benchmark) {
        return benchmark.startsWith(LATENCY) ? benchmark.substring(LATENCY.length())
                : BenchmarkKey.of(benchmark, "", Map.of()).shortName();
    }

    /** What one operation of the benchmark is, for "per request" or "per op". */
    static String operation(String benchmark) {
        return benchmark.startsWith(LATENCY) ? "request" : "op";
    }
}
