package org.portcullis.bench.ab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.portcullis.bench.compare.BenchmarkUnit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The latency tests' second clock: per endpoint, the CPU time the server's own thread spent on the median
 * request, judged as a benchmark of its own named {@code <endpoint>}{@value #SUFFIX} (e.g.
 * {@code EndpointLatencyTest.usersMe:cpu}) beside the endpoint's time.
 *
 * <p>Why a second clock: on a shared 2-core machine a request's time is mostly the question of when it got a
 * core, and pairs of unchanged users/me forks spread ±30 %. The serving thread's CPU time is not charged for
 * those waits, so what a change adds to the work of every request (a second read from H2, which runs in that
 * thread, heavier JSON, a filter hashing something) stands out of a much smaller noise. What it cannot see is
 * a change that makes a request wait (a lock, a sleep, a remote call): that is left to the endpoint's time.
 * The endpoints that hand their work to another thread (bcrypt for login and register) write no CPU time.
 */
final class ServerCpu {
    static final String SUFFIX = ":cpu";
    /** The latency tests' secondary metric: the median request's CPU time on the serving thread, ns. */
    static final String METRIC = "cpu.time.norm";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ServerCpu() {
    }

    /** Per endpoint of a latency result file, its CPU time sample, named {@code <benchmark>:cpu}. */
    static Map<String, ForkOutcome.Sample> read(Path latencyJson) throws IOException {
        Map<String, ForkOutcome.Sample> samples = new HashMap<>();
        for (JsonNode entry : MAPPER.readTree(latencyJson.toFile())) {
            JsonNode metric = entry.path("secondaryMetrics").path(METRIC);
            JsonNode score = metric.path("score");
            if (score.isNumber() && score.asDouble() > 0) {
                samples.put(entry.path("benchmark").asText() + SUFFIX,
                        new ForkOutcome.Sample(score.asDouble(), BenchmarkUnit.parse(metric.path("scoreUnit").asText())));
            }
        }
        return samples;
    }

    static boolean is(String benchmark) {
        return benchmark.endsWith(SUFFIX);
    }

    /** The benchmark whose requests a CPU time was measured on (itself for any other benchmark). */
    static String timed(String benchmark) {
        return is(benchmark) ? benchmark.substring(0, benchmark.length() - SUFFIX.length()) : benchmark;
    }
}
